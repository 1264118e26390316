package dev.tandem.playbook;

/**
 * What happens when a deal moves forward without what the stage requires: {@link #WARN} moves it and
 * shows what is missing, {@link #BLOCK} refuses the move with the list.
 */
public enum GateMode {
	WARN, BLOCK
}
