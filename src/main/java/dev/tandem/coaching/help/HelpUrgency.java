package dev.tandem.coaching.help;

/** How soon the rep needs the answer: some time, this week, today. */
public enum HelpUrgency {
	LOW, NORMAL, HIGH
}
