package dev.tandem.people.security;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The slots go round the organisations that wait, not to whoever queued the most: with one slot, three requests of
 * organisation A waiting and then one of B, B is served second, not fourth. A request that waits past its timeout
 * gives up and leaves the queue.
 */
class FairShareTest {

	private static final UUID A = UUID.randomUUID();
	private static final UUID B = UUID.randomUUID();

	@Test
	void aFloodOfOneOrganisationMakesAnotherWaitOneTurnAtMost() throws Exception {
		FairShare share = new FairShare(1);
		assertThat(share.acquire(A, Duration.ofSeconds(1))).isTrue();
		List<String> served = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(4);
		for (String name : List.of("a1", "a2", "a3")) {
			start(share, A, name, served, done);
			int queued = Integer.parseInt(name.substring(1));
			await().until(() -> share.waiting() == queued);
		}
		start(share, B, "b1", served, done);
		await().until(() -> share.waiting() == 4);

		share.release();
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(served).containsExactly("a1", "b1", "a2", "a3");
		assertThat(share.running()).isZero();
		assertThat(share.waiting()).isZero();
	}

	@Test
	void oneOrganisationAloneUsesEverySlotAndAWaitPastTheTimeoutGivesUp() throws Exception {
		FairShare share = new FairShare(2);
		assertThat(share.acquire(A, Duration.ZERO)).isTrue();
		assertThat(share.acquire(A, Duration.ZERO)).isTrue();
		assertThat(share.running()).isEqualTo(2);
		assertThat(share.acquire(B, Duration.ofMillis(50))).isFalse();
		assertThat(share.waiting()).isZero();
		share.release();
		assertThat(share.acquire(B, Duration.ZERO)).isTrue();
		share.release();
		share.release();
		assertThat(share.running()).isZero();
	}

	/** A request that, once it has its slot, notes its name and gives the slot back. */
	private static void start(FairShare share, UUID org, String name, List<String> served, CountDownLatch done) {
		Thread thread = new Thread(() -> {
			try {
				if (share.acquire(org, Duration.ofSeconds(10))) {
					served.add(name);
					share.release();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				done.countDown();
			}
		});
		thread.start();
	}
}
