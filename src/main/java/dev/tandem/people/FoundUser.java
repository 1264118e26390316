package dev.tandem.people;

/**
 * A colleague a search found, with how similar the nearer of their name and e-mail address is to the text, from 0 to 1.
 */
public record FoundUser(User user, double similarity) {
}
