package dev.tandem.platform;

/**
 * One broken rule on one input field: the field's name, the message key of the rule and its
 * arguments, resolved in the user's language when the error is rendered.
 */
public record FieldProblem(String field, String messageKey, Object... arguments) {
}
