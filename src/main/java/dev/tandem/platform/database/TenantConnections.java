package dev.tandem.platform.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import dev.tandem.platform.Tenancy;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's connections, each set to the {@link Tenancy} scope of the thread that uses it: before the first
 * statement, and again before a statement whenever the thread's scope changed (a {@code Tenancy.runAs} inside an
 * open transaction). Row-level security reads the setting, so a connection shows only the rows of that scope. A
 * connection is set on every checkout, from the pool too, so nothing of an earlier checkout carries over; a
 * rollback may undo the setting, so it is set again after one.
 */
class TenantConnections extends DelegatingDataSource implements AutoCloseable {

	static final String SET_SCOPE = "select set_config('tandem.org_id', ?, false), set_config('tandem.scope', ?, false)";

	/** What hands out SQL, or a driver connection that does (COPY): the scope has to be set before. */
	private static final Set<String> USES = Set.of("createStatement", "prepareStatement", "prepareCall", "unwrap");

	TenantConnections(DataSource pool) {
		super(pool);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return scoped(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return scoped(obtainTargetDataSource().getConnection(username, password));
	}

	/**
	 * The pool itself for {@code DataSource}: Spring Boot derives Flyway's connection and the pool's metrics from it.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return iface == DataSource.class ? (T) obtainTargetDataSource() : super.unwrap(iface);
	}

	/** Closes the pool with the application. */
	@Override
	public void close() throws Exception {
		if (obtainTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	private static Connection scoped(Connection connection) {
		return (Connection) Proxy.newProxyInstance(TenantConnections.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new Scoped(connection));
	}

	private static final class Scoped implements InvocationHandler {

		private final Connection target;
		private Tenancy.@Nullable Scope applied;

		Scoped(Connection target) {
			this.target = target;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
			String name = method.getName();
			if (name.equals("unwrap") && args != null && args[0] == Connection.class) {
				return proxy;
			}
			if (name.equals("isWrapperFor") && args != null && args[0] == Connection.class) {
				return true;
			}
			if (name.equals("equals")) {
				return proxy == args[0];
			}
			if (name.equals("hashCode")) {
				return System.identityHashCode(proxy);
			}
			if (USES.contains(name)) {
				apply();
			}
			try {
				Object result = method.invoke(target, args);
				if (name.equals("rollback")) {
					applied = null;
				}
				return result;
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

		private void apply() throws SQLException {
			Tenancy.Scope scope = Tenancy.current();
			if (scope.equals(applied)) {
				return;
			}
			try (PreparedStatement set = target.prepareStatement(SET_SCOPE)) {
				set.setString(1, scope.orgSetting());
				set.setString(2, scope.scopeSetting());
				set.execute();
			}
			applied = scope;
		}
	}
}
