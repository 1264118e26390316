package dev.tandem.crm.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.Contact;
import dev.tandem.crm.SearchHit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts and their contacts. An account is visible to whoever may see its owner or the owner of
 * one of its deals, so a rep working a deal on a colleague's account sees that account; its count of open
 * deals counts only those the viewer sees in the deal list.
 */
@Repository
public class Accounts {

	public static final Map<String, String> SORTS = Map.of("name", "lower(a.name), a.id", "-name", "lower(a.name) desc, a.id",
			"-updated", "a.updated_at desc, a.id", "id", "a.id");

	/** Sort orders the contact list may ask for. */
	public static final Set<String> CONTACT_SORTS = Set.of("name", "-name", "account", "id");

	private static final String SELECT = """
			select a.*, u.display_name as owner_name,
			       (select count(*) from crm_deal d where d.org_id = a.org_id and d.account_id = a.id and d.status = 'OPEN'
			          and d.owner_id = any(:owners) and d.deleted_at is null) as open_deals
			  from crm_account a join people_user_v u on u.org_id = a.org_id and u.id = a.owner_id
			""";

	private static final String VISIBLE = """
			 where a.org_id = :org and a.deleted_at is null
			   and (a.owner_id = any(:owners) or exists (select 1 from crm_deal d
			        where d.org_id = a.org_id and d.account_id = a.id and d.owner_id = any(:owners) and d.deleted_at is null))
			   and (cast(:owner as uuid) is null or a.owner_id = :owner)
			   and (cast(:text as text) is null or a.name ilike '%' || :text || '%' or a.sector ilike '%' || :text || '%')
			""";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account, counting only the open deals of {@code owners}, the people whose deals the viewer may see. */
	public Optional<Account> find(UUID orgId, UUID id, Collection<UUID> owners) {
		return jdbc.sql(SELECT + " where a.org_id = :org and a.id = :id and a.deleted_at is null").param("org", orgId).param("id", id)
			.param("owners", owners.toArray(new UUID[0])).query(Accounts::map).optional();
	}

	public boolean visible(UUID orgId, UUID id, Collection<UUID> owners) {
		return jdbc.sql("select exists (select 1 from crm_account a " + VISIBLE + " and a.id = :id)")
			.param("org", orgId).param("owners", owners.toArray(new UUID[0])).param("owner", null).param("text", null)
			.param("id", id).query(Boolean.class).single();
	}

	public List<Account> list(UUID orgId, Collection<UUID> owners, @Nullable UUID owner, @Nullable String text, String sort,
			@Nullable UUID after, int limit, int offset) {
		return jdbc.sql(SELECT + VISIBLE + " and (cast(:after as uuid) is null or a.id > :after) order by "
				+ SORTS.getOrDefault(sort, SORTS.get("id")) + " limit :limit offset :offset")
			.param("org", orgId).param("owners", owners.toArray(new UUID[0])).param("owner", owner)
			.param("text", blankToNull(text)).param("after", after).param("limit", limit).param("offset", offset)
			.query(Accounts::map).list();
	}

	public long count(UUID orgId, Collection<UUID> owners, @Nullable UUID owner, @Nullable String text) {
		return jdbc.sql("select count(*) from crm_account a " + VISIBLE).param("org", orgId)
			.param("owners", owners.toArray(new UUID[0])).param("owner", owner).param("text", blankToNull(text))
			.query(Long.class).single();
	}

	/**
	 * The accounts of the list ({@link #VISIBLE}) whose name holds {@code text} ({@code like}: the escaped ilike pattern)
	 * or a word like it, the most similar first.
	 */
	public List<SearchHit> search(UUID orgId, Collection<UUID> owners, SearchMatches.Found found, String text, int limit) {
		return jdbc.sql("""
				select * from (select a.id, a.name, u.display_name as owner_name,
				       word_similarity(:q, a.name) as score, similarity(:q, a.name) as closeness
				  from crm_account a join people_user_v u on u.org_id = a.org_id and u.id = a.owner_id
				""" + VISIBLE + """
				   and a.id = any(:accounts)
				) hit
				 order by hit.score + hit.closeness desc, lower(hit.name), hit.id
				 limit :limit
				""")
			.param("org", orgId).param("owners", owners.toArray(new UUID[0])).param("owner", null).param("text", null)
			.param("q", text).param("accounts", found.accountIds()).param("limit", limit)
			.query((rs, n) -> new SearchHit(SearchHit.Kind.ACCOUNT, rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("owner_name"), rs.getDouble("score"), rs.getDouble("closeness")))
			.list();
	}

	/**
	 * The contacts of the list ({@link #CONTACTS_VISIBLE}) whose name or e-mail address, or whose account's name, holds
	 * {@code text} or a word like it, the most similar first.
	 */
	public List<SearchHit> searchContacts(UUID orgId, Collection<UUID> owners, SearchMatches.Found found, String text, int limit) {
		return jdbc.sql("""
				select * from (select c.id, c.name, c.email, a.name as account_name,
				       greatest(word_similarity(:q, c.name), coalesce(word_similarity(:q, c.email), 0), word_similarity(:q, a.name)) as score,
				       greatest(similarity(:q, c.name), coalesce(similarity(:q, c.email), 0), similarity(:q, a.name)) as closeness
				  from crm_contact c join crm_account a on a.org_id = c.org_id and a.id = c.account_id
				""" + CONTACTS_VISIBLE + """
				   and c.id in (select unnest(cast(:contacts as uuid[]))
				                union
				                select m.id from crm_contact m
				                 where m.org_id = :org and m.account_id = any(:accounts) and m.deleted_at is null)
				) hit
				 order by hit.score + hit.closeness desc, lower(hit.name), hit.id
				 limit :limit
				""")
			.param("org", orgId).param("owners", owners.toArray(new UUID[0])).param("owner", null).param("text", null)
			.param("q", text).param("contacts", found.contactIds()).param("accounts", found.accountIds()).param("limit", limit)
			.query((rs, n) -> new SearchHit(SearchHit.Kind.CONTACT, rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("email") == null ? rs.getString("account_name") : rs.getString("account_name") + " · " + rs.getString("email"),
					rs.getDouble("score"), rs.getDouble("closeness")))
			.list();
	}

	public void insert(UUID orgId, UUID id, String name, @Nullable String sector, @Nullable String size,
			@Nullable String country, @Nullable String website, UUID ownerId, String actor) {
		jdbc.sql("""
				insert into crm_account (org_id, id, name, sector, size, country, website, owner_id, updated_by)
				values (:org, :id, :name, :sector, :size, :country, :website, :owner, :actor)
				""")
			.param("org", orgId).param("id", id).param("name", name).param("sector", sector).param("size", size)
			.param("country", country).param("website", website).param("owner", ownerId).param("actor", actor).update();
	}

	public boolean update(UUID orgId, UUID id, String name, @Nullable String sector, @Nullable String size,
			@Nullable String country, @Nullable String website, UUID ownerId, String actor, int expectedVersion) {
		return jdbc.sql("""
				update crm_account set name = :name, sector = :sector, size = :size, country = :country, website = :website,
				       owner_id = :owner, updated_at = now(), updated_by = :actor, version = version + 1
				 where org_id = :org and id = :id and version = :version and deleted_at is null
				""")
			.param("name", name).param("sector", sector).param("size", size).param("country", country).param("website", website)
			.param("owner", ownerId).param("actor", actor).param("org", orgId).param("id", id).param("version", expectedVersion)
			.update() == 1;
	}

	public Optional<UUID> findByName(UUID orgId, String name) {
		return jdbc.sql("""
				select id from crm_account where org_id = :org and lower(name) = lower(:name) and deleted_at is null order by id limit 1
				""")
			.param("org", orgId).param("name", name.trim()).query(UUID.class).optional();
	}

	// Contacts

	private static final String CONTACT = """
			select c.*, a.name as account_name from crm_contact c join crm_account a on a.org_id = c.org_id and a.id = c.account_id
			""";

	/** The live contacts of the accounts the viewer may see, by text in their name or their account's. */
	private static final String CONTACTS_VISIBLE = VISIBLE.replace("a.sector ilike", "c.name ilike") + " and c.deleted_at is null";

	public Optional<Contact> findContact(UUID orgId, UUID id) {
		return jdbc.sql(CONTACT + " where c.org_id = :org and c.id = :id and c.deleted_at is null").param("org", orgId).param("id", id)
			.query(Accounts::mapContact).optional();
	}

	public List<Contact> contactsOf(UUID orgId, UUID accountId) {
		return jdbc.sql(CONTACT + " where c.org_id = :org and c.account_id = :account and c.deleted_at is null order by c.name")
			.param("org", orgId).param("account", accountId).query(Accounts::mapContact).list();
	}

	public List<Contact> contacts(UUID orgId, Collection<UUID> owners, @Nullable String text, String sort, @Nullable UUID after,
			int limit, int offset) {
		String order = switch (sort) {
			case "name" -> "lower(c.name), c.id";
			case "-name" -> "lower(c.name) desc, c.id";
			case "account" -> "lower(a.name), lower(c.name), c.id";
			default -> "c.id";
		};
		return jdbc.sql(CONTACT + CONTACTS_VISIBLE + " and (cast(:after as uuid) is null or c.id > :after) order by "
				+ order + " limit :limit offset :offset")
			.param("org", orgId).param("owners", owners.toArray(new UUID[0])).param("owner", null).param("text", blankToNull(text))
			.param("after", after).param("limit", limit).param("offset", offset).query(Accounts::mapContact).list();
	}

	public long countContacts(UUID orgId, Collection<UUID> owners, @Nullable String text) {
		return jdbc.sql("select count(*) from crm_contact c join crm_account a on a.org_id = c.org_id and a.id = c.account_id "
				+ CONTACTS_VISIBLE)
			.param("org", orgId).param("owners", owners.toArray(new UUID[0])).param("owner", null).param("text", blankToNull(text))
			.query(Long.class).single();
	}

	public void insertContact(UUID orgId, UUID id, UUID accountId, String name, @Nullable String title, @Nullable String email,
			@Nullable String phone, @Nullable String socialUrl, String actor) {
		jdbc.sql("""
				insert into crm_contact (org_id, id, account_id, name, title, email, phone, social_url, updated_by)
				values (:org, :id, :account, :name, :title, :email, :phone, :social, :actor)
				""")
			.param("org", orgId).param("id", id).param("account", accountId).param("name", name).param("title", title)
			.param("email", email).param("phone", phone).param("social", socialUrl).param("actor", actor).update();
	}

	public boolean updateContact(UUID orgId, UUID id, String name, @Nullable String title, @Nullable String email,
			@Nullable String phone, @Nullable String socialUrl, String actor, int expectedVersion) {
		return jdbc.sql("""
				update crm_contact set name = :name, title = :title, email = :email, phone = :phone, social_url = :social,
				       updated_at = now(), updated_by = :actor, version = version + 1
				 where org_id = :org and id = :id and version = :version and deleted_at is null
				""")
			.param("name", name).param("title", title).param("email", email).param("phone", phone).param("social", socialUrl)
			.param("actor", actor).param("org", orgId).param("id", id).param("version", expectedVersion).update() == 1;
	}

	/** Whether the contact is in a buying group or was converted from a lead. */
	public boolean contactInUse(UUID orgId, UUID id) {
		return jdbc.sql("""
				select exists (select 1 from crm_stakeholder where org_id = :org and contact_id = :id)
				    or exists (select 1 from crm_lead where org_id = :org and contact_id = :id)
				""").param("org", orgId).param("id", id).query(Boolean.class).single();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private static Account map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("sector"), rs.getString("size"),
				rs.getString("country"), rs.getString("website"), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
				rs.getInt("open_deals"), Deals.instant(rs, "created_at"), Deals.instant(rs, "updated_at"), rs.getString("updated_by"),
				rs.getInt("version"), CustomFields.values(rs));
	}

	private static Contact mapContact(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Contact(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("account_name"),
				rs.getString("name"), rs.getString("title"), rs.getString("email"), rs.getString("phone"),
				rs.getString("social_url"), Deals.instant(rs, "updated_at"), rs.getInt("version"), CustomFields.values(rs));
	}
}
