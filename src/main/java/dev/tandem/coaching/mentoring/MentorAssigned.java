package dev.tandem.coaching.mentoring;

import java.time.LocalDate;
import java.util.UUID;

/** A newcomer got a mentor: who, chosen by whom, from when. */
public record MentorAssigned(UUID orgId, UUID mentorshipId, UUID newcomerId, UUID mentorId, UUID chosenBy, LocalDate startsOn) {
}
