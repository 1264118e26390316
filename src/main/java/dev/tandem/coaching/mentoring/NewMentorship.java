package dev.tandem.coaching.mentoring;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A mentor chosen for a newcomer; the start defaults to today and the end to the setting's days after the start. */
public record NewMentorship(@Nullable UUID newcomerId, @Nullable UUID mentorId, @Nullable LocalDate startsOn,
		@Nullable LocalDate endsOn, @Nullable String goals) {
}
