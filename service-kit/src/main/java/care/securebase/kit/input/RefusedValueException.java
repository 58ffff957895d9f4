package care.securebase.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right type that the services refuse all the same; the reason is the problem's message. */
public class RefusedValueException extends MismatchedInputException {

    private final String reason;

    public RefusedValueException(JsonParser p, String reason) {
        super(p, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
