package dev.tandem.crm;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One record the global search found: what it is, its id, the name it is known by, a line that tells it apart (the
 * owner, the company, the e-mail address), how similar the nearest word of its searched texts is to the query
 * ({@code similarity}, pg_trgm word similarity) and how close the nearest whole text is ({@code closeness}, pg_trgm
 * similarity), both from 0 to 1.
 */
public record SearchHit(Kind kind, UUID id, String title, @Nullable String detail, double similarity, double closeness) {

	/**
	 * What orders the hits: the mean of similarity and closeness, so among names that all hold the query's words the one
	 * that is nearly only those words comes first ("installaties" lists "Wit Installaties" before "Bakker Installaties en
	 * Onderhoud Groep").
	 */
	public double rank() {
		return (similarity + closeness) / 2;
	}

	/** The kinds of record the search finds, in the order a tie in similarity lists them. */
	public enum Kind {
		ACCOUNT, DEAL, CONTACT, LEAD, PERSON
	}
}
