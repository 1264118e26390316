package dev.tandem.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent-events stream read in the background: the names of the events that arrived, in order.
 */
public final class EventStream implements AutoCloseable {

	private final List<String> events = new CopyOnWriteArrayList<>();
	private final Thread reader;
	private volatile Stream<String> lines;
	private volatile int status;

	EventStream(HttpClient client, HttpRequest request) {
		try {
			HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
			status = response.statusCode();
			lines = response.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The event stream did not open: " + ex.getMessage(), ex);
		}
		reader = new Thread(() -> {
			try {
				lines.forEach(line -> {
					if (line.startsWith("event:")) {
						events.add(line.substring(6).trim());
					}
				});
			}
			catch (RuntimeException ex) {
				// closed
			}
		}, "event-stream-reader");
		reader.setDaemon(true);
		reader.start();
	}

	public int status() {
		return status;
	}

	public List<String> events() {
		return List.copyOf(events);
	}

	public long count(String name) {
		return events.stream().filter(name::equals).count();
	}

	@Override
	public void close() {
		if (lines != null) {
			lines.close();
		}
		reader.interrupt();
	}
}
