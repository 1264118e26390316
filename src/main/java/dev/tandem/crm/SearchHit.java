package dev.tandem.crm;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One record the global search found: what it is, its id, the name it is known by, a line that tells it apart (the
 * owner, the company, the e-mail address) and how similar the nearest of its searched texts is to the query, from 0 to 1.
 */
public record SearchHit(Kind kind, UUID id, String title, @Nullable String detail, double similarity) {

	/** The kinds of record the search finds, in the order a tie in similarity lists them. */
	public enum Kind {
		ACCOUNT, DEAL, CONTACT, LEAD, PERSON
	}
}
