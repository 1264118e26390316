package dev.tandem.crm.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.crm.DealSource;
import dev.tandem.crm.Lead;
import dev.tandem.crm.LeadFilter;
import dev.tandem.crm.LeadStatus;
import dev.tandem.crm.SearchHit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leads. A lead is visible to its owner and their managers, and an unassigned lead of a team to the
 * team's managers. What a lead was converted into shows only while it is not in the recycle bin.
 */
@Repository
public class Leads {

	/** What the lead {@code l} was converted into, each only while it is not in the recycle bin (else null). */
	static final String LIVE_LINKS = """
			(select a.id from crm_account a where a.org_id = l.org_id and a.id = l.account_id and a.deleted_at is null) as live_account_id,
			(select c.id from crm_contact c where c.org_id = l.org_id and c.id = l.contact_id and c.deleted_at is null) as live_contact_id,
			(select d.id from crm_deal d where d.org_id = l.org_id and d.id = l.deal_id and d.deleted_at is null) as live_deal_id""";

	private static final String SELECT = """
			select l.*, u.display_name as owner_name, %s
			  from crm_lead l
			  left join people_user_v u on u.org_id = l.org_id and u.id = l.owner_id
			""".formatted(LIVE_LINKS);

	private static final String VISIBLE = """
			 where l.org_id = :org and l.deleted_at is null
			   and (l.owner_id = any(:owners) or (l.owner_id is null and (l.team_id = any(:teams) or (l.team_id is null and :admin))))
			   and (cast(:status as text) is null or l.status = :status)
			   and (cast(:owner as uuid) is null or l.owner_id = :owner)
			   and (not :unassignedOnly or l.owner_id is null)
			   and (cast(:text as text) is null or l.person_name ilike '%' || :text || '%' or l.company ilike '%' || :text || '%')
			""";

	private final JdbcClient jdbc;

	Leads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Lead> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where l.org_id = :org and l.id = :id and l.deleted_at is null").param("org", orgId).param("id", id)
			.query(Leads::map).optional();
	}

	public List<Lead> list(UUID orgId, Collection<UUID> owners, Collection<UUID> teams, boolean admin, LeadFilter filter,
			@Nullable UUID after, int limit, int offset, boolean newestFirst) {
		return filtered(SELECT + VISIBLE + " and (cast(:after as uuid) is null or l.id > :after) order by "
				+ (newestFirst ? "l.created_at desc, l.id desc" : "l.id") + " limit :limit offset :offset",
				orgId, owners, teams, admin, filter)
			.param("after", after).param("limit", limit).param("offset", offset).query(Leads::map).list();
	}

	public long count(UUID orgId, Collection<UUID> owners, Collection<UUID> teams, boolean admin, LeadFilter filter) {
		return filtered("select count(*) from crm_lead l " + VISIBLE, orgId, owners, teams, admin, filter).query(Long.class).single();
	}

	/**
	 * The leads of the inbox ({@link #VISIBLE}) whose person's name, company or e-mail address holds {@code text}
	 * ({@code like}: the escaped ilike pattern) or a word like it, the most similar first.
	 */
	public List<SearchHit> search(UUID orgId, Collection<UUID> owners, Collection<UUID> teams, boolean admin,
			SearchMatches.Found found, String text, int limit) {
		return filtered("""
				select * from (select l.id, l.person_name, l.company,
				       greatest(word_similarity(:q, l.person_name), coalesce(word_similarity(:q, l.company), 0),
				                coalesce(word_similarity(:q, l.email), 0)) as score,
				       greatest(similarity(:q, l.person_name), coalesce(similarity(:q, l.company), 0),
				                coalesce(similarity(:q, l.email), 0)) as closeness
				  from crm_lead l
				""" + VISIBLE + """
				   and l.id = any(:leads)
				) hit
				 order by hit.score + hit.closeness desc, lower(hit.person_name), hit.id
				 limit :limit
				""", orgId, owners, teams, admin, LeadFilter.ALL)
			.param("q", text).param("leads", found.leadIds()).param("limit", limit)
			.query((rs, n) -> new SearchHit(SearchHit.Kind.LEAD, rs.getObject("id", UUID.class), rs.getString("person_name"),
					rs.getString("company"), rs.getDouble("score"), rs.getDouble("closeness")))
			.list();
	}

	private JdbcClient.StatementSpec filtered(String sql, UUID orgId, Collection<UUID> owners, Collection<UUID> teams,
			boolean admin, LeadFilter filter) {
		return jdbc.sql(sql).param("org", orgId).param("owners", owners.toArray(new UUID[0]))
			.param("teams", teams.toArray(new UUID[0])).param("admin", admin)
			.param("status", filter.status() == null ? null : filter.status().name()).param("owner", filter.ownerId())
			.param("unassignedOnly", filter.unassignedOnly())
			.param("text", filter.text() == null || filter.text().isBlank() ? null : filter.text().trim());
	}

	public void insert(UUID orgId, Lead lead, String actor) {
		jdbc.sql("""
				insert into crm_lead (org_id, id, person_name, company, email, phone, source, campaign, score, status, team_id,
				       owner_id, created_at, updated_by)
				values (:org, :id, :person, :company, :email, :phone, :source, :campaign, :score, :status, :team, :owner, :created, :actor)
				""")
			.param("org", orgId).param("id", lead.id()).param("person", lead.personName()).param("company", lead.company())
			.param("email", lead.email()).param("phone", lead.phone()).param("source", lead.source().name())
			.param("campaign", lead.campaign()).param("score", lead.score()).param("status", lead.status().name())
			.param("team", lead.teamId()).param("owner", lead.ownerId()).param("created", Deals.ts(lead.createdAt()))
			.param("actor", actor).update();
	}

	public void assign(UUID orgId, UUID leadId, UUID ownerId) {
		jdbc.sql("""
				update crm_lead set owner_id = :owner, updated_at = now(), version = version + 1
				 where org_id = :org and id = :id and deleted_at is null
				""")
			.param("owner", ownerId).param("org", orgId).param("id", leadId).update();
	}

	public boolean setStatus(UUID orgId, UUID id, LeadStatus status, @Nullable String reason, String actor, int expectedVersion,
			java.time.Instant now) {
		return jdbc.sql("""
				update crm_lead set status = :status, disqualified_reason = :reason, updated_at = now(), updated_by = :actor,
				       qualified_at = case when :status = 'QUALIFIED' then coalesce(qualified_at, :now) else qualified_at end,
				       version = version + 1
				 where org_id = :org and id = :id and version = :version and deleted_at is null
				""")
			.param("status", status.name()).param("reason", reason).param("actor", actor).param("org", orgId).param("id", id)
			.param("version", expectedVersion).param("now", Deals.ts(now)).update() == 1;
	}

	public boolean converted(UUID orgId, UUID id, UUID accountId, UUID contactId, @Nullable UUID dealId, String actor,
			int expectedVersion, java.time.Instant now) {
		return jdbc.sql("""
				update crm_lead set status = 'CONVERTED', account_id = :account, contact_id = :contact, deal_id = :deal,
				       qualified_at = coalesce(qualified_at, :now), converted_at = :now,
				       updated_at = now(), updated_by = :actor, version = version + 1
				 where org_id = :org and id = :id and version = :version and status <> 'CONVERTED' and deleted_at is null
				""")
			.param("account", accountId).param("contact", contactId).param("deal", dealId).param("actor", actor)
			.param("org", orgId).param("id", id).param("version", expectedVersion).param("now", Deals.ts(now)).update() == 1;
	}

	static Lead map(ResultSet rs, int n) throws SQLException {
		return new Lead(rs.getObject("id", UUID.class), rs.getString("person_name"), rs.getString("company"),
				rs.getString("email"), rs.getString("phone"), DealSource.valueOf(rs.getString("source")), rs.getString("campaign"),
				rs.getInt("score"), LeadStatus.valueOf(rs.getString("status")), rs.getString("disqualified_reason"),
				rs.getObject("team_id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
				rs.getObject("live_account_id", UUID.class), rs.getObject("live_contact_id", UUID.class),
				rs.getObject("live_deal_id", UUID.class),
				Deals.instant(rs, "created_at"), rs.getInt("version"), CustomFields.values(rs));
	}
}
