package care.securebase.sessions;

import care.securebase.kit.problem.ConflictException;

/**
 * The life cycle of a session note. A draft is the author's to edit; signing freezes it for good.
 * A trainee's signature is not enough: the note waits for a supervisor's co-signature. After
 * signing, corrections are addenda, never edits.
 */
public enum NoteStatus {
    DRAFT,
    AWAITING_COSIGN,
    SIGNED;

    /** Only drafts change. */
    public void requireEditable() {
        if (this != DRAFT) {
            throw new ConflictException("The note is " + this + " and can no longer change; add an addendum instead");
        }
    }

    /** The author signs a draft: final for a qualified clinician, awaiting co-signature for a trainee. */
    public NoteStatus sign(boolean authorIsTrainee) {
        if (this != DRAFT) {
            throw new ConflictException("The note is " + this + "; only a draft can be signed");
        }
        return authorIsTrainee ? AWAITING_COSIGN : SIGNED;
    }

    /** A supervisor co-signs a trainee's signed note. */
    public NoteStatus cosign() {
        if (this != AWAITING_COSIGN) {
            throw new ConflictException("The note is " + this + "; only a note awaiting co-signature can be co-signed");
        }
        return SIGNED;
    }

    /** Addenda belong to notes their author has signed. */
    public void requireSignedByAuthor() {
        if (this == DRAFT) {
            throw new ConflictException("The note is a draft: edit it instead of adding an addendum");
        }
    }
}
