package dev.tandem.coaching.help;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes help requests as they happened, with their dates and threads, for the demo organisation: no events and no
 * notices, as for any history loaded in bulk. The database's checks refuse what does not fit.
 */
@Service
public class HelpRequestLoad {

	private final HelpRequests requests;

	HelpRequestLoad(HelpRequests requests) {
		this.requests = requests;
	}

	@Transactional
	public void load(UUID orgId, List<Row> rows) {
		for (Row row : rows) {
			requests.insert(orgId, row.id(), row.repId(), row.dealId(), row.accountId(), row.question(), row.category(), row.urgency(),
					row.askedAt());
			for (AnswerRow answer : row.answers()) {
				requests.addAnswer(orgId, new HelpAnswer(answer.id(), row.id(), answer.authorId(), "", answer.text(), answer.at()));
				requests.replied(orgId, row.id(), answer.authorId(), !answer.authorId().equals(row.repId()), answer.at(),
						version(orgId, row.id()));
			}
			if (row.resolution() != null && row.resolvedAt() != null) {
				requests.resolve(orgId, row.id(), row.resolution(), row.resolvedAt(), version(orgId, row.id()));
			}
			if (row.takenOverBy() != null && row.takeoverReason() != null && row.takenOverAt() != null) {
				requests.takeOver(orgId, row.id(), row.takenOverBy(), row.takeoverReason(), row.takenOverAt(), version(orgId, row.id()));
			}
		}
	}

	private int version(UUID orgId, UUID id) {
		return requests.find(orgId, id).map(HelpRequest::version).orElse(0);
	}

	/** A help request as it went: asked, answered in its thread, then resolved or taken over, or still open. */
	public record Row(UUID id, UUID repId, @Nullable UUID dealId, @Nullable UUID accountId, String question, HelpCategory category,
			HelpUrgency urgency, Instant askedAt, List<AnswerRow> answers, @Nullable String resolution, @Nullable Instant resolvedAt,
			@Nullable UUID takenOverBy, @Nullable String takeoverReason, @Nullable Instant takenOverAt) {
	}

	/** A message of the thread. */
	public record AnswerRow(UUID id, UUID authorId, String text, Instant at) {
	}
}
