package dev.tandem.coaching.help;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The help requests and their threads, in SQL. Every statement is bound to the organisation. */
@Repository
class HelpRequests {

	private static final String SELECT = """
			select r.*, u.display_name as rep_name, d.title as deal_title, a.name as account_name
			  from coaching_help_request r
			  join people_user_v u on u.org_id = r.org_id and u.id = r.owner_id
			  left join crm_deal_v d on d.org_id = r.org_id and d.id = r.deal_id
			  left join crm_account_v a on a.org_id = r.org_id and a.id = coalesce(r.account_id, d.account_id)
			""";

	private final JdbcClient jdbc;

	HelpRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID orgId, UUID id, UUID repId, @Nullable UUID dealId, @Nullable UUID accountId, String question,
			HelpCategory category, HelpUrgency urgency, Instant askedAt) {
		jdbc.sql("""
				insert into coaching_help_request (org_id, id, owner_id, deal_id, account_id, question, category, urgency, asked_at)
				values (:org, :id, :rep, :deal, :account, :question, :category, :urgency, :asked)
				""")
			.param("org", orgId).param("id", id).param("rep", repId).param("deal", dealId).param("account", accountId)
			.param("question", question).param("category", category.name()).param("urgency", urgency.name())
			.param("asked", ts(askedAt)).update();
	}

	/** The request, unless its deal or account is in the recycle bin. */
	Optional<HelpRequest> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where r.org_id = :org and r.id = :id and (d.id is not null or (r.deal_id is null and a.id is not null))")
			.param("org", orgId).param("id", id).query(HelpRequests::map).optional();
	}

	/** The requests of these reps, newest first; only open ones (not yet resolved) when asked. */
	List<HelpRequest> ofReps(UUID orgId, Collection<UUID> reps, boolean openOnly, int limit) {
		if (reps.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				 where r.org_id = :org and r.owner_id in (:reps) and (d.id is not null or (r.deal_id is null and a.id is not null))
				   and (not :openOnly or r.status <> 'RESOLVED')
				 order by r.asked_at desc, r.id desc limit :limit
				""")
			.param("org", orgId).param("reps", reps).param("openOnly", openOnly).param("limit", limit)
			.query(HelpRequests::map).list();
	}

	/** The open requests on a deal or an account, for the raise-a-hand card on its page. */
	List<HelpRequest> onRecord(UUID orgId, @Nullable UUID dealId, @Nullable UUID accountId) {
		return jdbc.sql(SELECT + """
				 where r.org_id = :org and (r.deal_id = :deal or r.account_id = :account) and r.status <> 'RESOLVED'
				 order by r.asked_at desc
				""")
			.param("org", orgId).param("deal", dealId).param("account", accountId).query(HelpRequests::map).list();
	}

	/** The requests on the deal (or, on no deal, the account) whose manager joins, with no activity to join yet. */
	List<HelpRequest> waitingToJoin(UUID orgId, @Nullable UUID dealId, @Nullable UUID accountId) {
		return jdbc.sql(SELECT + """
				 where r.org_id = :org and r.joined_by is not null and r.joined_activity is null
				   and (r.deal_id = :deal or (r.deal_id is null and r.account_id = :account))
				""")
			.param("org", orgId).param("deal", dealId).param("account", accountId).query(HelpRequests::map).list();
	}

	void addAnswer(UUID orgId, HelpAnswer answer) {
		jdbc.sql("""
				insert into coaching_help_answer (org_id, id, request_id, author_id, text, created_at)
				values (:org, :id, :request, :author, :text, :at)
				""")
			.param("org", orgId).param("id", answer.id()).param("request", answer.requestId()).param("author", answer.authorId())
			.param("text", answer.text()).param("at", ts(answer.createdAt())).update();
	}

	List<HelpAnswer> answers(UUID orgId, UUID requestId) {
		return jdbc.sql("""
				select x.id, x.request_id, x.author_id, u.display_name, x.text, x.created_at from coaching_help_answer x
				  join people_user_v u on u.org_id = x.org_id and u.id = x.author_id
				 where x.org_id = :org and x.request_id = :request order by x.created_at, x.id
				""")
			.param("org", orgId).param("request", requestId)
			.query((rs, n) -> new HelpAnswer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * A message added to the thread: from the line, the first answer (once); on a resolved request, open again (taken
	 * over, answered or waiting, as it was before).
	 */
	boolean replied(UUID orgId, UUID id, UUID by, boolean fromLine, Instant at, int version) {
		return jdbc.sql("""
				update coaching_help_request
				   set first_answer_at = case when :fromLine then coalesce(first_answer_at, :at) else first_answer_at end,
				       first_answer_by = case when :fromLine then coalesce(first_answer_by, :by) else first_answer_by end,
				       status = case when taken_over_by is not null then 'TAKEN_OVER'
				                     when :fromLine or first_answer_at is not null then 'ANSWERED' else 'OPEN' end,
				       resolved_at = null, version = version + 1
				 where org_id = :org and id = :id and version = :version
				""")
			.param("fromLine", fromLine).param("at", ts(at)).param("by", by).param("org", orgId).param("id", id)
			.param("version", version).update() == 1;
	}

	boolean resolve(UUID orgId, UUID id, String resolution, Instant at, int version) {
		return jdbc.sql("""
				update coaching_help_request set status = 'RESOLVED', resolution = :resolution, resolved_at = :at, version = version + 1
				 where org_id = :org and id = :id and version = :version
				""")
			.param("resolution", resolution).param("at", ts(at)).param("org", orgId).param("id", id).param("version", version)
			.update() == 1;
	}

	boolean join(UUID orgId, UUID id, UUID by, Instant at, @Nullable UUID activityId, int version) {
		return jdbc.sql("""
				update coaching_help_request set joined_by = :by, joined_at = :at, joined_activity = :activity, version = version + 1
				 where org_id = :org and id = :id and version = :version
				""")
			.param("by", by).param("at", ts(at)).param("activity", activityId).param("org", orgId).param("id", id)
			.param("version", version).update() == 1;
	}

	void joinedActivity(UUID orgId, UUID id, UUID activityId) {
		jdbc.sql("update coaching_help_request set joined_activity = :activity, version = version + 1 where org_id = :org and id = :id")
			.param("activity", activityId).param("org", orgId).param("id", id).update();
	}

	boolean takeOver(UUID orgId, UUID id, UUID by, String reason, Instant at, int version) {
		return jdbc.sql("""
				update coaching_help_request set status = 'TAKEN_OVER', taken_over_by = :by, taken_over_at = :at,
				       takeover_reason = :reason, version = version + 1
				 where org_id = :org and id = :id and version = :version
				""")
			.param("by", by).param("at", ts(at)).param("reason", reason).param("org", orgId).param("id", id)
			.param("version", version).update() == 1;
	}

	/** Requests of the rep not yet resolved. */
	int openOf(UUID orgId, UUID repId) {
		return jdbc.sql("select count(*) from coaching_help_request where org_id = :org and owner_id = :rep and status <> 'RESOLVED'")
			.param("org", orgId).param("rep", repId).query(Integer.class).single();
	}

	/** Hours to the first answer of requests answered by {@code answerer}, raised in the days {@code from} to {@code to}. */
	@Nullable Double medianResponseHours(UUID orgId, UUID answerer, Instant from, Instant to) {
		return jdbc.sql("""
				select percentile_cont(0.5) within group (order by extract(epoch from first_answer_at - asked_at) / 3600.0)
				  from coaching_help_request
				 where org_id = :org and first_answer_by = :by and asked_at >= :from and asked_at < :to
				""")
			.param("org", orgId).param("by", answerer).param("from", ts(from)).param("to", ts(to))
			.query((rs, n) -> {
				double v = rs.getDouble(1);
				return rs.wasNull() ? null : v;
			}).optional().orElse(null);
	}

	/** Takeovers recorded on requests of these reps in the range, newest first, for the takeover page. */
	List<HelpRequest> takeovers(UUID orgId, UUID by, Instant from, Instant to) {
		return jdbc.sql(SELECT + """
				 where r.org_id = :org and r.taken_over_by = :by and r.taken_over_at >= :from and r.taken_over_at < :to
				 order by r.taken_over_at desc
				""")
			.param("org", orgId).param("by", by).param("from", ts(from)).param("to", ts(to)).query(HelpRequests::map).list();
	}

	private static HelpRequest map(ResultSet rs, int row) throws SQLException {
		return new HelpRequest(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("rep_name"),
				rs.getObject("deal_id", UUID.class), rs.getString("deal_title"), rs.getObject("account_id", UUID.class),
				rs.getString("account_name"), rs.getString("question"), HelpCategory.valueOf(rs.getString("category")),
				HelpUrgency.valueOf(rs.getString("urgency")), HelpStatus.valueOf(rs.getString("status")), instant(rs, "asked_at"),
				instant(rs, "first_answer_at"), rs.getObject("first_answer_by", UUID.class), instant(rs, "resolved_at"),
				rs.getString("resolution"), rs.getObject("joined_by", UUID.class), instant(rs, "joined_at"),
				rs.getObject("joined_activity", UUID.class), rs.getObject("taken_over_by", UUID.class), instant(rs, "taken_over_at"),
				rs.getString("takeover_reason"), rs.getInt("version"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static @Nullable Timestamp ts(@Nullable Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
