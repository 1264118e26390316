package dev.tandem.platform;

import java.util.UUID;

/**
 * A signed-in principal that belongs to one organisation: while it is the current user of a thread, the database
 * shows that thread only the rows of its organisation (see {@link Tenancy}).
 */
public interface TenantPrincipal {

	UUID orgId();
}
