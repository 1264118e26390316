package dev.tandem.playbook;

/**
 * An activity a deal must have had before entering a stage, e.g. one discovery call.
 */
public record RequiredActivity(ActivityType type, int minCount) {
}
