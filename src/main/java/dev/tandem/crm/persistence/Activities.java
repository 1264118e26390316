package dev.tandem.crm.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.crm.Activity;
import dev.tandem.crm.Channel;
import dev.tandem.crm.Direction;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Activities with the contacts and colleagues that took part; lists are bound to the owners the
 * viewer may see (an activity on a visible deal is visible too).
 */
@Repository
public class Activities {

	private static final String SELECT = """
			select x.*, d.title as deal_title, a.name as account_name, u.display_name as owner_name,
			       array(select ac.contact_id from crm_activity_contact ac
			              join crm_contact c on c.org_id = ac.org_id and c.id = ac.contact_id and c.deleted_at is null
			             where ac.org_id = x.org_id and ac.activity_id = x.id) as contact_ids,
			       array(select ap.user_id from crm_activity_participant ap where ap.org_id = x.org_id and ap.activity_id = x.id) as participant_ids
			  from crm_activity x
			  left join crm_deal d on d.org_id = x.org_id and d.id = x.deal_id
			  left join crm_account a on a.org_id = x.org_id and a.id = x.account_id
			  join people_user_v u on u.org_id = x.org_id and u.id = x.owner_id
			""";

	private static final String VISIBLE = """
			 where x.org_id = :org and x.deleted_at is null and (x.owner_id = any(:owners) or d.owner_id = any(:owners))
			""";

	private final JdbcClient jdbc;

	Activities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Activity> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where x.org_id = :org and x.id = :id and x.deleted_at is null").param("org", orgId).param("id", id)
			.query(Activities::map).optional();
	}

	public List<Activity> ofDeal(UUID orgId, UUID dealId) {
		return jdbc.sql(SELECT + """
				 where x.org_id = :org and x.deal_id = :deal and x.deleted_at is null
				 order by coalesce(x.occurred_at, x.due_at) desc, x.id desc
				""")
			.param("org", orgId).param("deal", dealId).query(Activities::map).list();
	}

	/** The account's activities, on the account itself and on all its deals, newest first. */
	public List<Activity> ofAccount(UUID orgId, UUID accountId, int limit) {
		return jdbc.sql(SELECT + """
				 where x.org_id = :org and x.deleted_at is null and (x.account_id = :account or d.account_id = :account)
				 order by coalesce(x.occurred_at, x.due_at) desc, x.id desc limit :limit
				""")
			.param("org", orgId).param("account", accountId).param("limit", limit).query(Activities::map).list();
	}

	public List<Activity> ofContact(UUID orgId, UUID contactId, int limit) {
		return jdbc.sql(SELECT + """
				 where x.org_id = :org and x.deleted_at is null and exists (select 1 from crm_activity_contact ac
				        where ac.org_id = x.org_id and ac.activity_id = x.id and ac.contact_id = :contact)
				 order by coalesce(x.occurred_at, x.due_at) desc, x.id desc limit :limit
				""")
			.param("org", orgId).param("contact", contactId).param("limit", limit).query(Activities::map).list();
	}

	public List<Activity> list(UUID orgId, Collection<UUID> owners, @Nullable UUID owner, @Nullable ActivityType type,
			@Nullable Instant from, @Nullable Instant to, @Nullable UUID after, int limit, int offset, boolean newestFirst) {
		return list(orgId, owners, owner, type, from, to, null, after, limit, offset, newestFirst);
	}

	/** As the other {@code list}, narrowed to done activities ({@code done} true) or open ones (false). */
	public List<Activity> list(UUID orgId, Collection<UUID> owners, @Nullable UUID owner, @Nullable ActivityType type,
			@Nullable Instant from, @Nullable Instant to, @Nullable Boolean done, @Nullable UUID after, int limit, int offset,
			boolean newestFirst) {
		String order = newestFirst ? "coalesce(x.occurred_at, x.due_at) desc, x.id desc" : "x.id";
		return filtered(SELECT + VISIBLE + FILTER + " and (cast(:after as uuid) is null or x.id > :after) order by " + order
				+ " limit :limit offset :offset", orgId, owners, owner, type, from, to, done)
			.param("after", after).param("limit", limit).param("offset", offset).query(Activities::map).list();
	}

	public long count(UUID orgId, Collection<UUID> owners, @Nullable UUID owner, @Nullable ActivityType type,
			@Nullable Instant from, @Nullable Instant to) {
		return count(orgId, owners, owner, type, from, to, null);
	}

	public long count(UUID orgId, Collection<UUID> owners, @Nullable UUID owner, @Nullable ActivityType type,
			@Nullable Instant from, @Nullable Instant to, @Nullable Boolean done) {
		return filtered("select count(*) from crm_activity x left join crm_deal d on d.org_id = x.org_id and d.id = x.deal_id "
				+ VISIBLE + FILTER, orgId, owners, owner, type, from, to, done).query(Long.class).single();
	}

	/** Open tasks the owners may see, due from {@code from} on (the upcoming ones), soonest first. */
	public List<Activity> upcomingTasks(UUID orgId, Collection<UUID> owners, @Nullable UUID owner, Instant from, int limit) {
		return filtered(SELECT + VISIBLE + FILTER + " and x.due_at is not null order by x.due_at, x.id limit :limit", orgId, owners,
				owner, null, from, null, false)
			.param("limit", limit).query(Activities::map).list();
	}

	private static final String FILTER = """
			   and (cast(:owner as uuid) is null or x.owner_id = :owner)
			   and (cast(:type as text) is null or x.type = :type)
			   and (cast(:from as timestamptz) is null or coalesce(x.occurred_at, x.due_at) >= :from)
			   and (cast(:to as timestamptz) is null or coalesce(x.occurred_at, x.due_at) < :to)
			   and (cast(:done as boolean) is null or x.done = :done)
			""";

	private JdbcClient.StatementSpec filtered(String sql, UUID orgId, Collection<UUID> owners, @Nullable UUID owner,
			@Nullable ActivityType type, @Nullable Instant from, @Nullable Instant to, @Nullable Boolean done) {
		return jdbc.sql(sql).param("org", orgId).param("owners", owners.toArray(new UUID[0])).param("owner", owner)
			.param("type", type == null ? null : type.name()).param("from", Deals.ts(from)).param("to", Deals.ts(to))
			.param("done", done);
	}

	/** A user's open tasks due before {@code until}, oldest first: today's and the overdue ones. */
	public List<Activity> openTasks(UUID orgId, UUID ownerId, Instant until) {
		return jdbc.sql(SELECT + """
				 where x.org_id = :org and x.owner_id = :owner and not x.done and x.deleted_at is null and x.due_at < :until
				 order by x.due_at, x.id
				""")
			.param("org", orgId).param("owner", ownerId).param("until", Deals.ts(until)).query(Activities::map).list();
	}

	/** Completed activities of a deal by type, for the stage gate. */
	public Map<ActivityType, Integer> countsOfDeal(UUID orgId, UUID dealId) {
		Map<ActivityType, Integer> counts = new EnumMap<>(ActivityType.class);
		jdbc.sql("""
				select type, count(*) as n from crm_activity where org_id = :org and deal_id = :deal and done and deleted_at is null
				 group by type
				""")
			.param("org", orgId).param("deal", dealId)
			.query((rs, n) -> Map.entry(ActivityType.valueOf(rs.getString("type")), rs.getInt("n")))
			.list().forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	public void insert(UUID orgId, Activity a) {
		jdbc.sql("""
				insert into crm_activity (org_id, id, type, channel, direction, subject, notes, outcome, duration_minutes,
				       occurred_at, due_at, done, deal_id, account_id, owner_id, logged_by, joint, created_at)
				values (:org, :id, :type, :channel, :direction, :subject, :notes, :outcome, :duration, :occurred, :due, :done,
				       :deal, :account, :owner, :loggedBy, :joint, :created)
				""")
			.param("org", orgId).param("id", a.id()).param("type", a.type().name()).param("channel", a.channel().name())
			.param("direction", a.direction().name()).param("subject", a.subject()).param("notes", a.notes())
			.param("outcome", a.outcome()).param("duration", a.durationMinutes()).param("occurred", Deals.ts(a.occurredAt()))
			.param("due", Deals.ts(a.dueAt())).param("done", a.done()).param("deal", a.dealId()).param("account", a.accountId())
			.param("owner", a.ownerId()).param("loggedBy", a.loggedBy()).param("joint", a.joint())
			.param("created", Deals.ts(a.createdAt())).update();
		for (UUID contact : a.contactIds()) {
			jdbc.sql("insert into crm_activity_contact (org_id, activity_id, contact_id) values (:org, :activity, :contact)")
				.param("org", orgId).param("activity", a.id()).param("contact", contact).update();
		}
		for (UUID participant : a.participantIds()) {
			jdbc.sql("insert into crm_activity_participant (org_id, activity_id, user_id) values (:org, :activity, :user)")
				.param("org", orgId).param("activity", a.id()).param("user", participant).update();
		}
	}

	public boolean complete(UUID orgId, UUID id, Instant at, @Nullable String outcome, int expectedVersion) {
		return jdbc.sql("""
				update crm_activity set done = true, occurred_at = :at, outcome = coalesce(:outcome, outcome), version = version + 1
				 where org_id = :org and id = :id and version = :version and not done and deleted_at is null
				""")
			.param("at", Deals.ts(at)).param("outcome", outcome).param("org", orgId).param("id", id)
			.param("version", expectedVersion).update() == 1;
	}

	public boolean update(UUID orgId, UUID id, String subject, @Nullable String notes, @Nullable String outcome,
			@Nullable Integer durationMinutes, @Nullable Instant occurredAt, @Nullable Instant dueAt, int expectedVersion) {
		return jdbc.sql("""
				update crm_activity set subject = :subject, notes = :notes, outcome = :outcome, duration_minutes = :duration,
				       occurred_at = :occurred, due_at = :due, version = version + 1
				 where org_id = :org and id = :id and version = :version and deleted_at is null
				""")
			.param("subject", subject).param("notes", notes).param("outcome", outcome).param("duration", durationMinutes)
			.param("occurred", Deals.ts(occurredAt)).param("due", Deals.ts(dueAt)).param("org", orgId).param("id", id)
			.param("version", expectedVersion).update() == 1;
	}

	/** Adds someone who takes part in an activity, which makes it joint; false when they already took part. */
	public boolean addParticipant(UUID orgId, UUID id, UUID userId) {
		int added = jdbc.sql("""
				insert into crm_activity_participant (org_id, activity_id, user_id) values (:org, :id, :user)
				on conflict do nothing
				""").param("org", orgId).param("id", id).param("user", userId).update();
		if (added == 1) {
			jdbc.sql("update crm_activity set joint = true, version = version + 1 where org_id = :org and id = :id")
				.param("org", orgId).param("id", id).update();
		}
		return added == 1;
	}

	public void delete(UUID orgId, UUID id) {
		jdbc.sql("delete from crm_activity where org_id = :org and id = :id").param("org", orgId).param("id", id).update();
	}

	static Activity map(ResultSet rs, int row) throws SQLException {
		return new Activity(rs.getObject("id", UUID.class), ActivityType.valueOf(rs.getString("type")),
				Channel.valueOf(rs.getString("channel")), Direction.valueOf(rs.getString("direction")), rs.getString("subject"),
				rs.getString("notes"), rs.getString("outcome"), (Integer) rs.getObject("duration_minutes"),
				Deals.instant(rs, "occurred_at"), Deals.instant(rs, "due_at"), rs.getBoolean("done"),
				rs.getObject("deal_id", UUID.class), rs.getString("deal_title"), rs.getObject("account_id", UUID.class),
				rs.getString("account_name"), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
				rs.getObject("logged_by", UUID.class), rs.getBoolean("joint"), uuids(rs.getArray("contact_ids")),
				uuids(rs.getArray("participant_ids")), Deals.instant(rs, "created_at"), rs.getInt("version"));
	}

	private static List<UUID> uuids(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
	}
}
