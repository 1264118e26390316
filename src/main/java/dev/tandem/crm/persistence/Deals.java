package dev.tandem.crm.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.crm.Deal;
import dev.tandem.crm.DealQuery;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.SearchHit;
import dev.tandem.playbook.ForecastCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deals; every statement is bound to one organisation, and lists to the owners the viewer may see.
 */
@Repository
public class Deals {

	/** Sort orders a list may ask for, mapped to fixed SQL. */
	public static final Map<String, String> SORTS = Map.of(
			"closeDate", "d.close_date nulls last, d.id",
			"-closeDate", "d.close_date desc nulls last, d.id",
			"amount", "d.amount nulls first, d.id",
			"-amount", "d.amount desc nulls last, d.id",
			"title", "lower(d.title), d.id",
			"-updated", "d.updated_at desc, d.id",
			"id", "d.id");

	private static final String SELECT = """
			select d.*, a.name as account_name, u.display_name as owner_name, s.name as stage_name
			  from crm_deal d
			  left join crm_account a on a.org_id = d.org_id and a.id = d.account_id
			  join people_user_v u on u.org_id = d.org_id and u.id = d.owner_id
			  join playbook_stage_v s on s.org_id = d.org_id and s.id = d.stage_id
			""";

	private static final String FILTER = """
			 where d.org_id = :org and d.deleted_at is null and d.owner_id = any(:owners)
			   and (cast(:owner as uuid) is null or d.owner_id = :owner)
			   and (cast(:stage as uuid) is null or d.stage_id = :stage)
			   and (cast(:status as text) is null or d.status = :status)
			   and (cast(:closedFrom as date) is null or (d.status <> 'OPEN' and d.close_date >= :closedFrom))
			   and (cast(:closedTo as date) is null or (d.status <> 'OPEN' and d.close_date <= :closedTo))
			   and (cast(:pipeline as uuid) is null or d.pipeline_id = :pipeline)
			   and (cast(:account as uuid) is null or d.account_id = :account)
			   and (cast(:text as text) is null or d.title ilike '%' || :text || '%' or a.name ilike '%' || :text || '%')
			""";

	private final JdbcClient jdbc;

	Deals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Deal> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where d.org_id = :org and d.id = :id and d.deleted_at is null").param("org", orgId).param("id", id)
			.query(Deals::map).optional();
	}

	/** Every live deal of an account, whoever owns it. */
	public List<Deal> ofAccount(UUID orgId, UUID accountId) {
		return jdbc.sql(SELECT + " where d.org_id = :org and d.account_id = :account and d.deleted_at is null order by d.id")
			.param("org", orgId).param("account", accountId).query(Deals::map).list();
	}

	public List<Deal> list(UUID orgId, Collection<UUID> owners, DealQuery query, String sort, @Nullable UUID after, int limit,
			int offset) {
		String order = SORTS.getOrDefault(sort, SORTS.get("id"));
		return filtered(SELECT + FILTER + " and (cast(:after as uuid) is null or d.id > :after) order by " + order
				+ " limit :limit offset :offset", orgId, owners, query)
			.param("after", after).param("limit", limit).param("offset", offset)
			.query(Deals::map).list();
	}

	public long count(UUID orgId, Collection<UUID> owners, DealQuery query) {
		return filtered("select count(*) from crm_deal d left join crm_account a on a.org_id = d.org_id and a.id = d.account_id " + FILTER,
				orgId, owners, query).query(Long.class).single();
	}

	/** Open deals of a pipeline for the board. */
	public List<Deal> openInPipeline(UUID orgId, Collection<UUID> owners, UUID pipelineId, @Nullable UUID ownerId) {
		return jdbc.sql(SELECT + """
				 where d.org_id = :org and d.pipeline_id = :pipeline and d.status = 'OPEN' and d.deleted_at is null
				   and d.owner_id = any(:owners)
				   and (cast(:owner as uuid) is null or d.owner_id = :owner)
				 order by d.close_date nulls last, d.amount desc nulls last, d.id
				""")
			.param("org", orgId).param("pipeline", pipelineId).param("owners", owners.toArray(new UUID[0])).param("owner", ownerId)
			.query(Deals::map).list();
	}

	/**
	 * The deals of the list ({@link #FILTER}) that the search found by their title or by their account's name, the most
	 * similar to {@code text} first.
	 */
	public List<SearchHit> search(UUID orgId, Collection<UUID> owners, SearchMatches.Found found, String text, int limit) {
		return filtered("""
				select * from (select d.id, d.title, a.name as account_name, s.name as stage_name,
				       greatest(word_similarity(:q, d.title), coalesce(word_similarity(:q, a.name), 0)) as score,
				       greatest(similarity(:q, d.title), coalesce(similarity(:q, a.name), 0)) as closeness
				  from crm_deal d
				  left join crm_account a on a.org_id = d.org_id and a.id = d.account_id
				  join playbook_stage_v s on s.org_id = d.org_id and s.id = d.stage_id
				""" + FILTER + """
				   and d.id in (select unnest(cast(:deals as uuid[]))
				                union
				                select m.id from crm_deal m
				                 where m.org_id = :org and m.account_id = any(:accounts) and m.deleted_at is null)
				) hit
				 order by hit.score + hit.closeness desc, lower(hit.title), hit.id
				 limit :limit
				""", orgId, owners, DealQuery.ALL)
			.param("q", text).param("deals", found.dealIds()).param("accounts", found.accountIds()).param("limit", limit)
			.query((rs, n) -> new SearchHit(SearchHit.Kind.DEAL, rs.getObject("id", UUID.class), rs.getString("title"),
					rs.getString("account_name") == null ? rs.getString("stage_name")
							: rs.getString("account_name") + " · " + rs.getString("stage_name"),
					rs.getDouble("score"), rs.getDouble("closeness")))
			.list();
	}

	private JdbcClient.StatementSpec filtered(String sql, UUID orgId, Collection<UUID> owners, DealQuery q) {
		return jdbc.sql(sql).param("org", orgId).param("owners", owners.toArray(new UUID[0])).param("owner", q.ownerId())
			.param("stage", q.stageId()).param("status", q.status() == null ? null : q.status().name())
			.param("closedFrom", q.closedFrom()).param("closedTo", q.closedTo()).param("pipeline", q.pipelineId())
			.param("account", q.accountId()).param("text", q.text() == null || q.text().isBlank() ? null : q.text().trim());
	}

	public void insert(UUID orgId, Deal deal) {
		jdbc.sql("""
				insert into crm_deal (org_id, id, account_id, owner_id, title, amount, close_date, pipeline_id, stage_id, status,
				       forecast_category, category_overridden, next_step, next_step_date, source, lost_reason, engaged_on, closed_at,
				       stage_entered_at, last_activity_at, last_reviewed_at, created_at, updated_at, updated_by)
				values (:org, :id, :account, :owner, :title, :amount, :close, :pipeline, :stage, :status, :category, :overridden,
				       :nextStep, :nextStepDate, :source, :lostReason, :engagedOn, :closedAt, :stageEnteredAt, :lastActivityAt,
				       :lastReviewedAt, :createdAt, :updatedAt, :updatedBy)
				""")
			.param("org", orgId).param("id", deal.id()).param("account", deal.accountId()).param("owner", deal.ownerId())
			.param("title", deal.title()).param("amount", deal.amount()).param("close", deal.closeDate())
			.param("pipeline", deal.pipelineId()).param("stage", deal.stageId()).param("status", deal.status().name())
			.param("category", deal.forecastCategory().name()).param("overridden", deal.categoryOverridden())
			.param("nextStep", deal.nextStep()).param("nextStepDate", deal.nextStepDate()).param("source", deal.source().name())
			.param("lostReason", deal.lostReason()).param("engagedOn", deal.engagedOn()).param("closedAt", ts(deal.closedAt()))
			.param("stageEnteredAt", ts(deal.stageEnteredAt())).param("lastActivityAt", ts(deal.lastActivityAt()))
			.param("lastReviewedAt", ts(deal.lastReviewedAt())).param("createdAt", ts(deal.createdAt()))
			.param("updatedAt", ts(deal.updatedAt())).param("updatedBy", deal.updatedBy())
			.update();
	}

	/** Writes every mutable field if the stored version is still {@code expectedVersion}. */
	public boolean update(UUID orgId, Deal deal, int expectedVersion) {
		return jdbc.sql("""
				update crm_deal set title = :title, amount = :amount, close_date = :close, owner_id = :owner,
				       pipeline_id = :pipeline, stage_id = :stage, status = :status, forecast_category = :category,
				       category_overridden = :overridden, next_step = :nextStep, next_step_date = :nextStepDate, source = :source,
				       lost_reason = :lostReason, closed_at = :closedAt, stage_entered_at = :stageEnteredAt,
				       last_reviewed_at = :lastReviewedAt, updated_at = now(), updated_by = :updatedBy, version = version + 1
				 where org_id = :org and id = :id and version = :version and deleted_at is null
				""")
			.param("title", deal.title()).param("amount", deal.amount()).param("close", deal.closeDate())
			.param("owner", deal.ownerId()).param("pipeline", deal.pipelineId()).param("stage", deal.stageId())
			.param("status", deal.status().name()).param("category", deal.forecastCategory().name())
			.param("overridden", deal.categoryOverridden()).param("nextStep", deal.nextStep())
			.param("nextStepDate", deal.nextStepDate()).param("source", deal.source().name())
			.param("lostReason", deal.lostReason()).param("closedAt", ts(deal.closedAt()))
			.param("stageEnteredAt", ts(deal.stageEnteredAt())).param("lastReviewedAt", ts(deal.lastReviewedAt()))
			.param("updatedBy", deal.updatedBy()).param("org", orgId).param("id", deal.id()).param("version", expectedVersion)
			.update() == 1;
	}

	public void touchActivity(UUID orgId, UUID dealId, Instant at) {
		jdbc.sql("update crm_deal set last_activity_at = greatest(coalesce(last_activity_at, :at), :at) where org_id = :org and id = :id")
			.param("at", Timestamp.from(at)).param("org", orgId).param("id", dealId).update();
	}

	static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	static Deal map(ResultSet rs, int row) throws SQLException {
		return new Deal(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("account_name"),
				rs.getObject("owner_id", UUID.class), rs.getString("owner_name"), rs.getString("title"),
				rs.getObject("amount", BigDecimal.class), rs.getObject("close_date", LocalDate.class),
				rs.getObject("pipeline_id", UUID.class), rs.getObject("stage_id", UUID.class), rs.getString("stage_name"),
				DealStatus.valueOf(rs.getString("status")), ForecastCategory.valueOf(rs.getString("forecast_category")),
				rs.getBoolean("category_overridden"), rs.getString("next_step"), rs.getObject("next_step_date", LocalDate.class),
				DealSource.valueOf(rs.getString("source")), rs.getString("lost_reason"), rs.getObject("engaged_on", LocalDate.class),
				instant(rs, "closed_at"), instant(rs, "stage_entered_at"), instant(rs, "last_activity_at"),
				instant(rs, "last_reviewed_at"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("updated_by"),
				rs.getInt("version"), CustomFields.values(rs));
	}
}
