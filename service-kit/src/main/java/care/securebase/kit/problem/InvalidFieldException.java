package care.securebase.kit.problem;

/** A rule Bean Validation cannot express refused a field (400, naming the field). */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
