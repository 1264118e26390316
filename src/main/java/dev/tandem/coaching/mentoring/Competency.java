package dev.tandem.coaching.mentoring;

/**
 * What makes a good manager beyond sales results (seed 000): looking ahead and planning (the helicopter view), working
 * with other departments and colleagues, letting others score instead of claiming success, giving room instead of
 * taking over, setting clear expectations and frameworks, and owning the team's results, the bad ones too.
 */
public enum Competency {
	HELICOPTER_VIEW, COLLABORATION, LETTING_OTHERS_SCORE, GIVING_ROOM, CLEAR_EXPECTATIONS, OWNING_RESULTS
}
