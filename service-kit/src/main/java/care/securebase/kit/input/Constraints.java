package care.securebase.kit.input;

import jakarta.validation.ConstraintValidatorContext;

final class Constraints {

    private Constraints() {
    }

    /** Valid without a problem; otherwise the violation says which rule the value broke. */
    static boolean report(String problem, ConstraintValidatorContext context) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }
}
