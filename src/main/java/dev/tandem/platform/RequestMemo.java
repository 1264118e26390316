package dev.tandem.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers answers for the rest of one web request: who a manager manages, the organisation's teams, its time zone.
 * A dashboard asks such questions hundreds of times while it is built; the answers cannot change in between unless
 * the request itself changes them, and every write that could calls {@link #forget()} first. Inside a read-write
 * transaction nothing is remembered, so a write never reads its own earlier answers back; outside a request (jobs,
 * tests calling services directly) neither.
 */
public final class RequestMemo {

	private static final String ATTRIBUTE = RequestMemo.class.getName();

	private RequestMemo() {
	}

	@SuppressWarnings("unchecked")
	public static <T> T get(String key, Supplier<T> compute) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null || (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly())) {
			return compute.get();
		}
		Map<String, Object> memo = (Map<String, Object>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (memo == null) {
			memo = new HashMap<>();
			request.setAttribute(ATTRIBUTE, memo, RequestAttributes.SCOPE_REQUEST);
		}
		if (memo.containsKey(key)) {
			return (T) memo.get(key);
		}
		T value = compute.get();
		memo.put(key, value);
		return value;
	}

	/** Forgets everything remembered in this request: called by every write to people, teams and organisations. */
	public static void forget() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		}
	}
}
