package dev.tandem.people.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Shares a fixed number of slots for requests in progress fairly between organisations: while a slot is free a
 * request goes ahead; when all are taken it waits in its organisation's queue, and each slot that comes free goes to
 * the organisation next in turn (round robin over those waiting), not to whoever sent the most. One organisation on
 * its own uses every slot; a flood from one makes another wait for at most one turn instead of behind the whole
 * flood. A request that waits longer than the timeout gives up.
 */
final class FairShare {

	private final int slots;
	private final ReentrantLock lock = new ReentrantLock();
	/** The organisations with requests waiting, in turn order: the first is served next. */
	private final Map<UUID, ArrayDeque<Waiter>> waiting = new LinkedHashMap<>();
	private int running;

	FairShare(int slots) {
		if (slots < 1) {
			throw new IllegalArgumentException("at least one slot, not " + slots);
		}
		this.slots = slots;
	}

	/** Takes a slot for the organisation, waiting up to the timeout; answers whether it got one. */
	boolean acquire(UUID orgId, Duration timeout) throws InterruptedException {
		Waiter waiter;
		lock.lock();
		try {
			if (running < slots && waiting.isEmpty()) {
				running++;
				return true;
			}
			waiter = new Waiter(lock.newCondition());
			waiting.computeIfAbsent(orgId, id -> new ArrayDeque<>()).add(waiter);
			long nanos = timeout.toNanos();
			while (!waiter.granted) {
				if (nanos <= 0) {
					ArrayDeque<Waiter> queue = waiting.get(orgId);
					if (queue != null) {
						queue.remove(waiter);
						if (queue.isEmpty()) {
							waiting.remove(orgId);
						}
					}
					return false;
				}
				try {
					nanos = waiter.turn.awaitNanos(nanos);
				}
				catch (InterruptedException ex) {
					if (waiter.granted) {
						release();
					}
					else {
						ArrayDeque<Waiter> queue = waiting.get(orgId);
						if (queue != null) {
							queue.remove(waiter);
							if (queue.isEmpty()) {
								waiting.remove(orgId);
							}
						}
					}
					throw ex;
				}
			}
			return true;
		}
		finally {
			lock.unlock();
		}
	}

	/** Gives a slot back: to the first waiting organisation's oldest request, which then goes to the back of the turn. */
	void release() {
		lock.lock();
		try {
			Iterator<Map.Entry<UUID, ArrayDeque<Waiter>>> turn = waiting.entrySet().iterator();
			if (!turn.hasNext()) {
				running--;
				return;
			}
			Map.Entry<UUID, ArrayDeque<Waiter>> next = turn.next();
			Waiter waiter = next.getValue().poll();
			turn.remove();
			if (!next.getValue().isEmpty()) {
				waiting.put(next.getKey(), next.getValue());
			}
			waiter.granted = true;
			waiter.turn.signal();
		}
		finally {
			lock.unlock();
		}
	}

	/** Requests in progress and waiting, for tests and metrics. */
	int running() {
		lock.lock();
		try {
			return running;
		}
		finally {
			lock.unlock();
		}
	}

	int waiting() {
		lock.lock();
		try {
			return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
		}
		finally {
			lock.unlock();
		}
	}

	private static final class Waiter {

		private final Condition turn;
		private boolean granted;

		Waiter(Condition turn) {
			this.turn = turn;
		}
	}
}
