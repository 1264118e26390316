package dev.tandem.crm.persistence;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The live deals, accounts, contacts and leads of the session's organisation whose title, name, company or e-mail
 * address is like a search: {@code crm_search_matches} (V52), which reads them through the trigram indexes. Who may
 * see which of them is for the callers to decide.
 */
@Repository
public class SearchMatches {

	/** The ids that matched, by kind. */
	public record Found(Set<UUID> deals, Set<UUID> accounts, Set<UUID> contacts, Set<UUID> leads) {

		UUID[] dealIds() {
			return deals.toArray(UUID[]::new);
		}

		UUID[] accountIds() {
			return accounts.toArray(UUID[]::new);
		}

		UUID[] contactIds() {
			return contacts.toArray(UUID[]::new);
		}

		UUID[] leadIds() {
			return leads.toArray(UUID[]::new);
		}
	}

	private final JdbcClient jdbc;

	SearchMatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param like the escaped ilike pattern of {@code text} */
	public Found find(String text, String like) {
		Found found = new Found(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
		jdbc.sql("select kind, id from crm_search_matches(:q, :like)").param("q", text).param("like", like)
			.query(rs -> {
				UUID id = rs.getObject("id", UUID.class);
				switch (rs.getString("kind")) {
					case "DEAL" -> found.deals().add(id);
					case "ACCOUNT" -> found.accounts().add(id);
					case "CONTACT" -> found.contacts().add(id);
					case "LEAD" -> found.leads().add(id);
					default -> throw new IllegalStateException("unknown kind " + rs.getString("kind"));
				}
			});
		return found;
	}
}
