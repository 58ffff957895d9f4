package care.securebase.sessions;

import java.util.List;

/** The structure of a note's narrative: Data-Assessment-Plan or Subjective-Objective-Assessment-Plan. */
public enum NoteFormat {
    DAP(List.of("data", "assessment", "plan")),
    SOAP(List.of("subjective", "objective", "assessment", "plan"));

    private final List<String> sections;

    NoteFormat(List<String> sections) {
        this.sections = sections;
    }

    /** The section names a note of this format has, in reading order. */
    public List<String> sections() {
        return sections;
    }
}
