package care.securebase.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON is read strictly in every service: a fraction in an integer field is refused, not truncated
 * (PHQ-9 answer 2.5 was scored as 2); a key given twice is refused, not "last one wins"; and text
 * holding NUL (PostgreSQL cannot store it) or an unpaired surrogate (stored as "?") is refused. Each
 * refusal names the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules on a mapper of one's own (tests, tools). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule text = new SimpleModule("securebase-strict-text");
        text.addDeserializer(String.class, new NoNul());
        text.addKeyDeserializer(String.class, new NoNulKey());
        mapper.registerModule(text);
        return mapper;
    }

    /** Jackson's own string reading, then NUL refused. */
    static final class NoNul extends StdScalarDeserializer<String> {
        NoNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(StringDeserializer.instance.deserialize(p, ctxt), p);
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class NoNulKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(key, ctxt.getParser());
        }
    }

    private static String checked(String value, JsonParser p) throws RefusedValueException {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw new RefusedValueException(p, "must not contain the NUL character (U+0000)");
        }
        // Only a \\uD800-style escape makes one; stored, it would silently become "?".
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new RefusedValueException(p, "must not contain an unpaired surrogate");
            }
        }
        return value;
    }
}
