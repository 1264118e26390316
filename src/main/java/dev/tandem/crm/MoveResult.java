package dev.tandem.crm;

import java.util.List;

import dev.tandem.playbook.Missing;

/**
 * A deal after a stage move, with what a warning gate noted as missing.
 */
public record MoveResult(Deal deal, List<Missing> warnings) {
}
