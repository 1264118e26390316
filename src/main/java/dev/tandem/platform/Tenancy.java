package dev.tandem.platform;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which organisation's rows the database shows the current thread. Row-level security on every table with an
 * {@code org_id} lets a connection see and write only the rows of the organisation in the session setting
 * {@code tandem.org_id}, which Tandem sets from the signed-in user of the thread before each use of a connection.
 * Without a user, and without one of the scopes below, a connection sees no organisation's rows at all.
 * <p>
 * Code that runs without a user declares whom it works for: {@link #runAs} for one organisation (a scheduled job's
 * turn for each organisation, an import on its background thread), {@link #asSystem} where it must cross
 * organisations (sign-in by e-mail address, finding the organisations a job has work in, creating an organisation).
 * Both are meant to be rare and easy to find.
 */
public final class Tenancy {

	private static final ThreadLocal<@Nullable Scope> EXPLICIT = new ThreadLocal<>();
	private static final ThreadLocal<@Nullable Boolean> RESOLVING = new ThreadLocal<>();

	private Tenancy() {
	}

	/** Runs the work with the database showing only the organisation's rows, whoever is signed in. */
	public static <T> T runAs(UUID orgId, Supplier<T> work) {
		return within(Scope.of(Objects.requireNonNull(orgId, "orgId")), work);
	}

	public static void runAs(UUID orgId, Runnable work) {
		runAs(orgId, () -> {
			work.run();
			return null;
		});
	}

	/** Runs the work with the database showing every organisation's rows: only for work that must cross them. */
	public static <T> T asSystem(Supplier<T> work) {
		return within(Scope.SYSTEM, work);
	}

	public static void asSystem(Runnable work) {
		asSystem(() -> {
			work.run();
			return null;
		});
	}

	/** The scope of the current thread: an explicit one, else the signed-in user's organisation, else none. */
	public static Scope current() {
		Scope explicit = EXPLICIT.get();
		if (explicit != null) {
			return explicit;
		}
		// The security context of a request is loaded from its session on first use, with a query of its own: that
		// query, on a table without organisations, runs before anyone is known.
		if (RESOLVING.get() != null) {
			return Scope.NONE;
		}
		RESOLVING.set(Boolean.TRUE);
		try {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof TenantPrincipal principal) {
				return Scope.of(principal.orgId());
			}
			return Scope.NONE;
		}
		finally {
			RESOLVING.remove();
		}
	}

	private static <T> T within(Scope scope, Supplier<T> work) {
		Scope outer = EXPLICIT.get();
		EXPLICIT.set(scope);
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				EXPLICIT.remove();
			}
			else {
				EXPLICIT.set(outer);
			}
		}
	}

	/**
	 * What a connection is set to: one organisation ({@code orgId}), every organisation ({@code system}), or none
	 * (neither), which sees no organisation's rows.
	 */
	public record Scope(@Nullable UUID orgId, boolean system) {

		public static final Scope NONE = new Scope(null, false);

		public static final Scope SYSTEM = new Scope(null, true);

		static Scope of(UUID orgId) {
			return new Scope(orgId, false);
		}

		/** The value of {@code tandem.org_id}: the organisation's id, or empty. */
		public String orgSetting() {
			return orgId == null ? "" : orgId.toString();
		}

		/** The value of {@code tandem.scope}: {@code system} to cross organisations, else empty. */
		public String scopeSetting() {
			return system ? "system" : "";
		}
	}
}
