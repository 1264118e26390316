package dev.tandem.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.persistence.BinEntries;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import dev.tandem.platform.Ids;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.platform.Tenancy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where deleted deals, accounts, contacts and leads wait before they go for good. A deletion moves the record into the
 * bin with what belongs to it (a deal's activities; an account's contacts, deals and activities); every list, count,
 * figure, search, export and lookup leaves it out from then on. Within the retention ({@code tandem.recycle-bin.retention},
 * 30 days) the record's owner, their line of managers or an admin restores it as it was, history and activities
 * included; afterwards the hourly job purges it. Deleting, restoring and purging are written to the audit log.
 * <p>
 * The job runs on every node: each entry is purged in a transaction of its own that locks it, and a node skips an
 * entry another node holds.
 */
@Service
public class RecycleBin {

	private static final Logger log = LoggerFactory.getLogger(RecycleBin.class);

	private final BinEntries entries;
	private final Access access;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final Duration retention;

	RecycleBin(BinEntries entries, Access access, AuditLog audit, ApplicationEventPublisher events, TransactionTemplate transaction,
			Clock clock, @Value("${tandem.recycle-bin.retention:30d}") Duration retention) {
		this.entries = entries;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.retention = retention;
	}

	/** How long a deleted record stays in the bin. */
	public Duration retention() {
		return retention;
	}

	/** What the viewer may restore, most recently deleted first. */
	public Listing<BinEntry> list(CurrentUser viewer, ListRequest request) {
		Set<UUID> owners = access.owners(viewer);
		Set<UUID> teams = access.routedTeams(viewer);
		List<BinEntry> rows = entries.list(viewer.orgId(), owners, teams, viewer.isAdmin(), request.after(), request.fetchSize(),
				retention);
		return Listing.of(rows, entries.count(viewer.orgId(), owners, teams, viewer.isAdmin()), request, BinEntry::id);
	}

	/**
	 * Brings a deleted record back with everything that went with it. Not found unless the user may restore it; refused
	 * while the account of a deal or contact is in the bin itself.
	 */
	@Transactional
	public BinEntry restore(CurrentUser user, BinKind kind, UUID recordId) {
		BinEntry entry = entries.lock(user.orgId(), kind, recordId, retention, access.owners(user))
			.filter(e -> mayRestore(user, e))
			.orElseThrow(() -> new RecordNotFoundException(kind.key(), recordId));
		entries.binnedAccountOf(user.orgId(), kind, recordId).ifPresent(account -> {
			throw new RestoreRefusedException("recycle.refused.account-first", account);
		});
		Set<UUID> owners = entries.owners(user.orgId(), entry.id());
		entries.restore(user.orgId(), entry.id());
		audit.record(user.orgId(), user.id(), user.displayName(), AuditAction.RESTORED, kind.key(), recordId, entry.label());
		events.publishEvent(new RecordRestored(user.orgId(), kind, recordId, owners));
		return entry;
	}

	/** The hourly run: every organisation's entries past the retention; one node of the cluster at a time. */
	@Scheduled(cron = "${tandem.recycle-bin.purge-cron:0 15 * * * *}")
	@SchedulerLock(name = "recycle-bin-purge", lockAtMostFor = "PT50M", lockAtLeastFor = "${tandem.jobs.lock-at-least-for:PT30S}")
	public void purgeExpired() {
		Instant now = clock.instant();
		for (UUID orgId : Tenancy.asSystem(() -> entries.organisationsWithExpired(now.minus(retention)))) {
			Tenancy.runAs(orgId, () -> purgeExpired(orgId, now));
		}
	}

	/**
	 * Purges the organisation's entries deleted more than the retention before {@code now}, oldest first, each in a
	 * transaction of its own; answers how many went. An entry that cannot go yet stays for the next run.
	 */
	public int purgeExpired(UUID orgId, Instant now) {
		Instant before = now.minus(retention);
		int purged = 0;
		for (UUID entryId : entries.expired(orgId, before)) {
			try {
				if (Boolean.TRUE.equals(transaction.execute(status -> purge(orgId, entryId, before)))) {
					purged++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Purging recycle bin entry {} of {} failed, it stays for the next run: {}", entryId, orgId, ex.getMessage());
			}
		}
		return purged;
	}

	private boolean purge(UUID orgId, UUID entryId, Instant before) {
		return entries.lockExpired(orgId, entryId, before, retention).map(entry -> {
			entries.purge(orgId, entryId);
			audit.record(orgId, null, "Tandem", AuditAction.PURGED, entry.kind().key(), entry.recordId(),
					entry.label() + " (" + entry.deletedByName() + ", " + entry.deletedAt() + ")");
			return true;
		}).orElse(false);
	}

	/**
	 * Moves a record into the bin with what belongs to it, in the caller's transaction; the caller has checked that
	 * the user may. {@code ownerId} (or, for an unassigned lead, {@code teamId}) is whose line may restore it.
	 */
	void put(CurrentUser user, BinKind kind, UUID recordId, String label, @Nullable UUID ownerId, @Nullable UUID teamId) {
		UUID entryId = Ids.next();
		if (!entries.put(user.orgId(), entryId, kind, recordId, label, ownerId, teamId, clock.instant(), user.id())) {
			throw new RecordNotFoundException(kind.key(), recordId);
		}
		audit.record(user.orgId(), user.id(), user.displayName(), kind.deleted(), kind.key(), recordId, label);
		events.publishEvent(new RecordDeleted(user.orgId(), kind, recordId, entries.owners(user.orgId(), entryId)));
	}

	/** Whether the user may see and restore the entry: the owner's line, or for an unassigned lead its team's routers. */
	private boolean mayRestore(CurrentUser user, BinEntry entry) {
		if (entry.ownerId() != null) {
			return access.canSee(user, entry.ownerId());
		}
		return entry.teamId() != null ? access.routedTeams(user).contains(entry.teamId()) : user.isAdmin();
	}
}
