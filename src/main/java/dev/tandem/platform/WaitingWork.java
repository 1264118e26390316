package dev.tandem.platform;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What waits for someone, for the list on Home: each module contributes a bean for what it knows (goals a figure to
 * answer, the CRM overdue tasks, deals with hygiene flags and new leads, forecasts a submission, imports a finished
 * run), computed from live data each time, so an item goes away as soon as it is done. {@code V} is the signed-in
 * viewer as the module showing the list knows it.
 */
public interface WaitingWork<V> {

	/** What waits for the viewer, and, for a manager, what their team waits for from them; in the viewer's language. */
	List<Item> waitingFor(V viewer);

	/**
	 * One thing to do: {@code kind} names it for styling and tests ({@code goal}, {@code task}, ...), {@code title} says it,
	 * {@code note} is the other side's words when there are any, {@code link} is where it is done (a path inside Tandem),
	 * {@code at} orders the list, newest first, and {@code team} marks what someone in the viewer's team waits for.
	 */
	record Item(String kind, String title, @Nullable String note, String link, Instant at, boolean team) {
	}
}
