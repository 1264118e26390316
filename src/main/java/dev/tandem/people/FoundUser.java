package dev.tandem.people;

/**
 * A colleague a search found, with how similar the nearest word of their name and e-mail address is to the text
 * ({@code similarity}, pg_trgm word similarity) and how close the nearer whole text is ({@code closeness}), from 0 to 1.
 */
public record FoundUser(User user, double similarity, double closeness) {
}
