package care.securebase.kit.input;

import io.quarkus.panache.common.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} (from 0) and {@code size} query parameters of every list endpoint, taken as
 * {@code @Valid @BeanParam Paging.Standard paging}. Both are bounded so that page × size (the offset)
 * always fits an int: unbounded, {@code page=2147483647&size=100} overflowed into a negative offset
 * (a 500). Past a bound is a 400 naming {@code page} or {@code size}.
 */
public abstract class Paging {

    /** 100,000 pages of 200 is an offset of 20,000,000: far inside an int, far beyond any list. */
    public static final int MAX_PAGE = 100_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    int page;

    public int page() {
        return page;
    }

    public abstract int size();

    /** Rows before this page; never overflows. */
    public int offset() {
        return page * size();
    }

    /** The same page for a Panache query. */
    public Page panache() {
        return Page.of(page, size());
    }

    /** Most lists: 20 a page, at most 100. */
    public static class Standard extends Paging {
        @QueryParam("size")
        @DefaultValue("20")
        @Min(1)
        @Max(100)
        int size;

        @Override
        public int size() {
            return size;
        }
    }

    /** Lists of small rows read a screenful at a time (a caseload, the note-access log): 50 a page, at most 200. */
    public static class Wide extends Paging {
        @QueryParam("size")
        @DefaultValue("50")
        @Min(1)
        @Max(200)
        int size;

        @Override
        public int size() {
            return size;
        }
    }
}
