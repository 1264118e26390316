package dev.tandem.people;

import java.time.Instant;

/** The secret of a password link just made, shown once, and when it stops working. */
public record InvitationLink(String secret, Instant expiresAt) {
}
