package dev.tandem.crm.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.BinEntry;
import dev.tandem.crm.BinKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recycle bin's entries and the rows each holds. Moving a record into the bin marks its row, and the rows that go
 * with it, with the entry; restoring clears the marks; purging deletes the marked rows and forgets what still pointed
 * at them. An entry counts the deals and activities it holds of the owners whose records the viewer may see, as the
 * deal and activity lists would show them.
 */
@Repository
public class BinEntries {

	private static final String MARK = "deleted_at = :at, deleted_by = :by, bin_id = :entry";

	private static final String UNMARK = "deleted_at = null, deleted_by = null, bin_id = null";

	/** The tables whose rows an entry may hold, in the order a purge deletes them: what refers to others first. */
	private static final List<String> TABLES = List.of("crm_activity", "crm_lead", "crm_deal", "crm_contact", "crm_account");

	private static final String SELECT = """
			select b.*, o.display_name as owner_name, t.name as team_name, u.display_name as deleted_by_name,
			       (select count(*) from crm_deal d where d.org_id = b.org_id and d.bin_id = b.id and d.id <> b.record_id
			          and (cast(:owners as uuid[]) is null or d.owner_id = any(cast(:owners as uuid[])))) as deals,
			       (select count(*) from crm_contact c where c.org_id = b.org_id and c.bin_id = b.id and c.id <> b.record_id) as contacts,
			       (select count(*) from crm_activity a where a.org_id = b.org_id and a.bin_id = b.id
			          and (cast(:owners as uuid[]) is null or a.owner_id = any(cast(:owners as uuid[])))) as activities
			  from crm_recycle_bin b
			  join people_user_v u on u.org_id = b.org_id and u.id = b.deleted_by
			  left join people_user_v o on o.org_id = b.org_id and o.id = b.owner_id
			  left join people_team_v t on t.org_id = b.org_id and t.id = b.team_id
			""";

	private static final String VISIBLE = """
			 where b.org_id = :org
			   and (b.owner_id = any(:owners) or (b.owner_id is null and (b.team_id = any(:teams) or (b.team_id is null and :admin))))
			""";

	private final JdbcClient jdbc;

	BinEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Opens an entry for a record and marks its row and those that go with it: a deal's activities; an account's
	 * contacts, deals and the activities on the account or its deals. Answers false when the record is not live (any
	 * more), and then marks nothing.
	 */
	public boolean put(UUID orgId, UUID entryId, BinKind kind, UUID recordId, String label, @Nullable UUID ownerId,
			@Nullable UUID teamId, Instant at, UUID by) {
		int opened = jdbc.sql("""
				insert into crm_recycle_bin (org_id, id, kind, record_id, label, owner_id, team_id, deleted_at, deleted_by)
				values (:org, :entry, :kind, :record, :label, :owner, :team, :at, :by)
				on conflict (org_id, record_id) do nothing
				""")
			.param("org", orgId).param("entry", entryId).param("kind", kind.name()).param("record", recordId).param("label", label)
			.param("owner", ownerId).param("team", teamId).param("at", Timestamp.from(at)).param("by", by).update();
		if (opened == 0) {
			return false;
		}
		List<String> statements = switch (kind) {
			case DEAL -> List.of("update crm_activity set " + MARK + " where org_id = :org and deal_id = :record and deleted_at is null",
					"update crm_deal set " + MARK + ", version = version + 1 where org_id = :org and id = :record and deleted_at is null");
			case ACCOUNT -> List.of("""
					update crm_activity set %s where org_id = :org and deleted_at is null
					   and (account_id = :record or deal_id in (select d.id from crm_deal d
					        where d.org_id = :org and d.account_id = :record and d.deleted_at is null))""".formatted(MARK),
					"update crm_deal set " + MARK + ", version = version + 1 where org_id = :org and account_id = :record and deleted_at is null",
					"update crm_contact set " + MARK + ", version = version + 1 where org_id = :org and account_id = :record and deleted_at is null",
					"update crm_account set " + MARK + ", version = version + 1 where org_id = :org and id = :record and deleted_at is null");
			case CONTACT -> List.of(
					"update crm_contact set " + MARK + ", version = version + 1 where org_id = :org and id = :record and deleted_at is null");
			case LEAD -> List.of(
					"update crm_lead set " + MARK + ", version = version + 1 where org_id = :org and id = :record and deleted_at is null");
		};
		int root = 0;
		for (String statement : statements) {
			root = jdbc.sql(statement).param("org", orgId).param("entry", entryId).param("record", recordId)
				.param("at", Timestamp.from(at)).param("by", by).update();
		}
		return root == 1;
	}

	/** The entries whose owner the viewer may see (or, for an unassigned lead, whose team they route), newest first. */
	public List<BinEntry> list(UUID orgId, Collection<UUID> owners, Collection<UUID> teams, boolean admin, @Nullable UUID after,
			int limit, Duration retention) {
		return jdbc.sql(SELECT + VISIBLE + " and (cast(:after as uuid) is null or b.id < :after) order by b.id desc limit :limit")
			.param("org", orgId).param("owners", owners.toArray(new UUID[0])).param("teams", teams.toArray(new UUID[0]))
			.param("admin", admin).param("after", after).param("limit", limit)
			.query((rs, n) -> map(rs, retention)).list();
	}

	public long count(UUID orgId, Collection<UUID> owners, Collection<UUID> teams, boolean admin) {
		return jdbc.sql("select count(*) from crm_recycle_bin b " + VISIBLE).param("org", orgId)
			.param("owners", owners.toArray(new UUID[0])).param("teams", teams.toArray(new UUID[0])).param("admin", admin)
			.query(Long.class).single();
	}

	/** The entry of a deleted record, locked until the transaction ends, counting what it holds of {@code owners}. */
	public Optional<BinEntry> lock(UUID orgId, BinKind kind, UUID recordId, Duration retention, Collection<UUID> owners) {
		return jdbc.sql("select id from crm_recycle_bin where org_id = :org and record_id = :record and kind = :kind for update")
			.param("org", orgId).param("record", recordId).param("kind", kind.name()).query(UUID.class).optional()
			.flatMap(id -> find(orgId, id, retention, owners.toArray(new UUID[0])));
	}

	/** The name of the binned account a binned deal or contact belongs to, which has to come back first. */
	public Optional<String> binnedAccountOf(UUID orgId, BinKind kind, UUID recordId) {
		@Nullable String table = switch (kind) {
			case DEAL -> "crm_deal";
			case CONTACT -> "crm_contact";
			case ACCOUNT, LEAD -> null;
		};
		if (table == null) {
			return Optional.empty();
		}
		return jdbc.sql("select a.name from " + table + " r join crm_account a on a.org_id = r.org_id and a.id = r.account_id"
				+ " where r.org_id = :org and r.id = :record and a.deleted_at is not null")
			.param("org", orgId).param("record", recordId).query(String.class).optional();
	}

	/** Everyone whose records the entry holds: whose figures change when it goes or comes back. */
	public Set<UUID> owners(UUID orgId, UUID entryId) {
		return Set.copyOf(jdbc.sql("""
				select owner_id from crm_deal where org_id = :org and bin_id = :entry
				union select owner_id from crm_activity where org_id = :org and bin_id = :entry
				union select owner_id from crm_account where org_id = :org and bin_id = :entry
				union select owner_id from crm_lead where org_id = :org and bin_id = :entry and owner_id is not null
				""").param("org", orgId).param("entry", entryId).query(UUID.class).list());
	}

	/** Brings every row of the entry back and closes it. */
	public void restore(UUID orgId, UUID entryId) {
		for (String table : TABLES) {
			String version = table.equals("crm_activity") ? "" : ", version = version + 1";
			jdbc.sql("update " + table + " set " + UNMARK + version + " where org_id = :org and bin_id = :entry")
				.param("org", orgId).param("entry", entryId).update();
		}
		close(orgId, entryId);
	}

	/** The entries of an organisation deleted before {@code before}, oldest first. */
	public List<UUID> expired(UUID orgId, Instant before) {
		return jdbc.sql("select id from crm_recycle_bin where org_id = :org and deleted_at < :before order by deleted_at, id")
			.param("org", orgId).param("before", Timestamp.from(before)).query(UUID.class).list();
	}

	/** The organisations with entries deleted before {@code before}. */
	public List<UUID> organisationsWithExpired(Instant before) {
		return jdbc.sql("select distinct org_id from crm_recycle_bin where deleted_at < :before")
			.param("before", Timestamp.from(before)).query(UUID.class).list();
	}

	/** An entry deleted before {@code before}, locked for purging; empty when it is gone or another node is purging it. */
	public Optional<BinEntry> lockExpired(UUID orgId, UUID entryId, Instant before, Duration retention) {
		return jdbc.sql("select id from crm_recycle_bin where org_id = :org and id = :id and deleted_at < :before for update skip locked")
			.param("org", orgId).param("id", entryId).param("before", Timestamp.from(before)).query(UUID.class).optional()
			.flatMap(id -> find(orgId, id, retention, null));
	}

	/** The entry, counting what it holds of {@code owners}, or of everyone without them. */
	private Optional<BinEntry> find(UUID orgId, UUID entryId, Duration retention, UUID @Nullable [] owners) {
		return jdbc.sql(SELECT + " where b.org_id = :org and b.id = :id").param("org", orgId).param("id", entryId)
			.param("owners", owners).query((rs, n) -> map(rs, retention)).optional();
	}

	/**
	 * Deletes the entry's rows for good, with the deals' history and buying groups and the leads' routing logs. Live
	 * records that pointed at them forget the link: a converted lead its account, contact or deal, an activity its
	 * account or contacts.
	 */
	public void purge(UUID orgId, UUID entryId) {
		String accounts = "(select id from crm_account where org_id = :org and bin_id = :entry)";
		String contacts = "(select id from crm_contact where org_id = :org and bin_id = :entry)";
		String deals = "(select id from crm_deal where org_id = :org and bin_id = :entry)";
		for (String statement : List.of(
				"update crm_lead set deal_id = null where org_id = :org and deal_id in " + deals,
				"update crm_lead set contact_id = null where org_id = :org and contact_id in " + contacts,
				"update crm_lead set account_id = null where org_id = :org and account_id in " + accounts,
				"update crm_activity set account_id = null where org_id = :org and account_id in " + accounts
						+ " and bin_id is distinct from :entry",
				"delete from crm_activity_contact where org_id = :org and contact_id in " + contacts,
				"delete from crm_stakeholder where org_id = :org and contact_id in " + contacts)) {
			jdbc.sql(statement).param("org", orgId).param("entry", entryId).update();
		}
		for (String table : TABLES) {
			jdbc.sql("delete from " + table + " where org_id = :org and bin_id = :entry").param("org", orgId).param("entry", entryId)
				.update();
		}
		close(orgId, entryId);
	}

	/** Closes the entries whose rows are all gone otherwise (an undone import deletes what it wrote, binned or not). */
	public void forgetEmpty(UUID orgId) {
		jdbc.sql("""
				delete from crm_recycle_bin b where b.org_id = :org
				   and not exists (select 1 from crm_account x where x.org_id = b.org_id and x.bin_id = b.id)
				   and not exists (select 1 from crm_contact x where x.org_id = b.org_id and x.bin_id = b.id)
				   and not exists (select 1 from crm_deal x where x.org_id = b.org_id and x.bin_id = b.id)
				   and not exists (select 1 from crm_activity x where x.org_id = b.org_id and x.bin_id = b.id)
				   and not exists (select 1 from crm_lead x where x.org_id = b.org_id and x.bin_id = b.id)
				""").param("org", orgId).update();
	}

	private void close(UUID orgId, UUID entryId) {
		jdbc.sql("delete from crm_recycle_bin where org_id = :org and id = :entry").param("org", orgId).param("entry", entryId).update();
	}

	private static BinEntry map(ResultSet rs, Duration retention) throws SQLException {
		Instant deletedAt = rs.getTimestamp("deleted_at").toInstant();
		return new BinEntry(rs.getObject("id", UUID.class), BinKind.valueOf(rs.getString("kind")), rs.getObject("record_id", UUID.class),
				rs.getString("label"), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
				rs.getObject("team_id", UUID.class), rs.getString("team_name"), deletedAt, rs.getObject("deleted_by", UUID.class),
				rs.getString("deleted_by_name"), deletedAt.plus(retention), rs.getInt("deals"), rs.getInt("contacts"),
				rs.getInt("activities"));
	}
}
