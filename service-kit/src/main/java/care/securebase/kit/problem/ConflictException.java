package care.securebase.kit.problem;

/** The request is well-formed but the resource's current state forbids it (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
