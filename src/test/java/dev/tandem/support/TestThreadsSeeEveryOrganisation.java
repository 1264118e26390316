package dev.tandem.support;

import java.lang.reflect.Method;

import dev.tandem.platform.Tenancy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs every test method and set-up of the suite as {@link Tenancy#asSystem}: a test arranges and checks rows of
 * several organisations directly in the database, as no code of Tandem may. Registered for every test (through
 * {@code META-INF/services}); what Tandem itself runs, its requests, jobs and start-up, keeps its own scope, and
 * the row-level security tests set theirs explicitly. Awaitility then polls on the test's thread, which has the
 * scope, rather than on one of its own.
 */
public class TestThreadsSeeEveryOrganisation implements InvocationInterceptor {

	static {
		Awaitility.pollInSameThread();
	}

	@Override
	public <T> T interceptTestClassConstructor(Invocation<T> invocation, ReflectiveInvocationContext<java.lang.reflect.Constructor<T>> context,
			ExtensionContext extensionContext) throws Throwable {
		return system(invocation);
	}

	@Override
	public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extensionContext) throws Throwable {
		system(invocation);
	}

	@Override
	public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extensionContext) throws Throwable {
		system(invocation);
	}

	@Override
	public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extensionContext) throws Throwable {
		system(invocation);
	}

	@Override
	public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extensionContext) throws Throwable {
		return system(invocation);
	}

	@Override
	public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extensionContext) throws Throwable {
		system(invocation);
	}

	@Override
	public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
			ExtensionContext extensionContext) throws Throwable {
		system(invocation);
	}

	@Override
	public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extensionContext) throws Throwable {
		system(invocation);
	}

	@Override
	public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
			ExtensionContext extensionContext) throws Throwable {
		system(invocation);
	}

	private static <T> T system(Invocation<T> invocation) throws Throwable {
		Throwable[] failure = new Throwable[1];
		T result = Tenancy.asSystem(() -> {
			try {
				return invocation.proceed();
			}
			catch (Throwable ex) {
				failure[0] = ex;
				return null;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		return result;
	}
}
