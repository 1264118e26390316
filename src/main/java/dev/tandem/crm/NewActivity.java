package dev.tandem.crm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * An activity to log. Only type and subject are needed: the channel follows from the type, the time
 * is now, the owner is the deal's owner or the one logging it. A task takes {@code dueAt} instead.
 */
public record NewActivity(ActivityType type, String subject, @Nullable Channel channel, @Nullable Direction direction,
		@Nullable String notes, @Nullable String outcome, @Nullable Integer durationMinutes, @Nullable Instant occurredAt,
		@Nullable Instant dueAt, @Nullable UUID dealId, @Nullable UUID accountId, @Nullable List<UUID> contactIds,
		@Nullable List<UUID> participantIds, @Nullable UUID ownerId) {

	public static NewActivity quick(ActivityType type, String subject, @Nullable UUID dealId) {
		return new NewActivity(type, subject, null, null, null, null, null, null, null, dealId, null, null, null, null);
	}

	/** The usual channel of a type, when none is given. */
	public static Channel defaultChannel(ActivityType type) {
		return switch (type) {
			case CALL -> Channel.PHONE;
			case EMAIL, PROPOSAL -> Channel.EMAIL;
			case MEETING, DEMO -> Channel.VIDEO;
			case SOCIAL -> Channel.SOCIAL;
			case NOTE, TASK -> Channel.OTHER;
		};
	}
}
