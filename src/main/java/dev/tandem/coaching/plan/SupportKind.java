package dev.tandem.coaching.plan;

/** Whose support a growth goal needs: nobody in particular, the manager, a peer (a person) or a department (a partner team). */
public enum SupportKind {
	NONE, MANAGER, PEER, DEPARTMENT
}
