package dev.tandem.people;

/**
 * Whether a newcomer did one step of their start list ({@link FirstSteps}), read by the module that owns its data
 * ({@code crm} whether they logged activities), so {@code people} shows the list without depending on it.
 */
public interface FirstStepCheck {

	/** The step: {@code profile}, {@code activities} or {@code playbook}. */
	String key();

	boolean done(CurrentUser newcomer);
}
