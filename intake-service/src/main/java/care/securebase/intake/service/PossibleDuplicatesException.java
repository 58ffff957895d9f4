package care.securebase.intake.service;

/** Registration stopped because the person may already be a client; nothing was written. */
public class PossibleDuplicatesException extends RuntimeException {

    private final ClientService.Duplicates duplicates;

    public PossibleDuplicatesException(ClientService.Duplicates duplicates) {
        super("Possible duplicate", null, false, false);
        this.duplicates = duplicates;
    }

    public ClientService.Duplicates duplicates() {
        return duplicates;
    }
}
