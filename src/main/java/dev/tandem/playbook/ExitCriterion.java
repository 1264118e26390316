package dev.tandem.playbook;

import java.util.UUID;

/**
 * A checklist item a deal must have ticked before entering a stage, e.g. "budget confirmed".
 */
public record ExitCriterion(UUID id, String label) {
}
