package dev.tandem.platform.live;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.tandem.platform.LiveSubscriptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays the changes the {@link PgListener} hears to the browsers that watch them. Bursts are coalesced:
 * a stream gets at most one {@code changed} event per flush interval, however many changes arrived, so a
 * bulk of writes costs each open page one refresh.
 */
@Component
class LiveRelay implements LiveSubscriptions, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
	private final Duration flushEvery;
	private final Duration heartbeatEvery;
	private final MeterRegistry meters;
	private ScheduledExecutorService scheduler;
	private volatile boolean running;

	LiveRelay(@Value("${tandem.live.flush-interval:150ms}") Duration flushEvery,
			@Value("${tandem.live.heartbeat-interval:25s}") Duration heartbeatEvery, MeterRegistry meters) {
		this.flushEvery = flushEvery;
		this.heartbeatEvery = heartbeatEvery;
		this.meters = meters;
		meters.gauge("tandem.live.subscribers", subscribers, Set::size);
	}

	@Override
	public SseEmitter subscribe(UUID orgId, Set<UUID> users, Set<UUID> teams) {
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		Subscriber subscriber = new Subscriber(orgId, Set.copyOf(users), Set.copyOf(teams), emitter, new AtomicBoolean());
		subscribers.add(subscriber);
		emitter.onCompletion(() -> subscribers.remove(subscriber));
		emitter.onTimeout(() -> subscribers.remove(subscriber));
		emitter.onError(e -> subscribers.remove(subscriber));
		try {
			emitter.send(SseEmitter.event().comment("open"));
		}
		catch (IOException ex) {
			subscribers.remove(subscriber);
		}
		return emitter;
	}

	/** Marks every stream the change concerns; the next flush tells them. */
	void heard(Change change) {
		meters.counter("tandem.live.changes").increment();
		for (Subscriber subscriber : subscribers) {
			if (subscriber.concerns(change)) {
				subscriber.pending().set(true);
			}
		}
	}

	private void flush() {
		for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext();) {
			Subscriber subscriber = it.next();
			if (subscriber.pending().getAndSet(false)) {
				try {
					subscriber.emitter().send(SseEmitter.event().name("changed").data("changed"));
					meters.counter("tandem.live.events").increment();
				}
				catch (IOException | IllegalStateException ex) {
					it.remove();
				}
			}
		}
	}

	private void heartbeat() {
		for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext();) {
			try {
				it.next().emitter().send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException ex) {
				it.remove();
			}
		}
	}

	@Override
	public void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "live-relay");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::safeFlush, flushEvery.toMillis(), flushEvery.toMillis(), TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
		running = true;
	}

	private void safeFlush() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.warn("Live flush failed: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		running = false;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		for (Subscriber subscriber : new HashSet<>(subscribers)) {
			subscriber.emitter().complete();
		}
		subscribers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** An open stream and the people and teams it watches. */
	private record Subscriber(UUID orgId, Set<UUID> users, Set<UUID> teams, SseEmitter emitter, AtomicBoolean pending) {

		boolean concerns(Change change) {
			if (!orgId.equals(change.orgId())) {
				return false;
			}
			for (UUID user : change.users()) {
				if (users.contains(user)) {
					return true;
				}
			}
			for (UUID team : change.teams()) {
				if (teams.contains(team)) {
					return true;
				}
			}
			return false;
		}
	}
}
