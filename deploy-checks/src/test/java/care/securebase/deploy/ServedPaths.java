package care.securebase.deploy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HTTP paths an application serves from its own code: every JAX-RS resource method (class and
 * method {@code @Path} joined), every static file of its own under META-INF/resources (not those of
 * its dependencies, such as webjars), and the OIDC paths its properties name. Quarkus' own endpoints
 * under /q are not among them. What the sources do that this
 * cannot read (a REST path set in properties, reactive routes, sub-resource locators, a resource
 * interface) fails with its cause rather than being left out.
 */
final class ServedPaths {

    /** One path as the code declares it ({@code /clients/{id}}), and where. */
    record Served(String path, String where) {

        /** A request that reaches it: every {template} as one path element. */
        String sample() {
            StringBuilder out = new StringBuilder();
            int depth = 0;
            for (char c : path.toCharArray()) {
                if (c == '{') {
                    if (depth++ == 0) {
                        out.append('x');
                    }
                } else if (c == '}') {
                    depth--;
                } else if (depth == 0) {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** Its first path element ({@code /clients}), or "/" for the root itself. */
        String root() {
            String sample = sample();
            int next = sample.indexOf('/', 1);
            return next < 0 ? sample : sample.substring(0, next);
        }
    }

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final List<String> UNREADABLE_SETTINGS = List.of("quarkus.http.root-path", "quarkus.rest.path");
    private static final List<String> OIDC_PATHS = List.of("quarkus.oidc.logout.path", "quarkus.oidc.authentication.redirect-path");

    private ServedPaths() {
    }

    static List<Served> of(Path moduleDir, Map<String, String> properties) {
        String module = moduleDir.getFileName().toString();
        for (String setting : UNREADABLE_SETTINGS) {
            if (properties.containsKey(setting)) {
                throw new AssertionError(module + " sets " + setting + "; deploy-checks (ServedPaths) does not prefix its paths with it");
            }
        }
        List<Served> served = new ArrayList<>();
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        for (Path file : files(moduleDir.resolve("src/main/java"), ".java")) {
            ParseResult<CompilationUnit> result;
            try {
                result = parser.parse(file);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            CompilationUnit unit = result.getResult().filter(u -> result.isSuccessful())
                    .orElseThrow(() -> new AssertionError("cannot parse " + file + ": " + result.getProblems()));
            if (unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("io.quarkus.vertx.web"))) {
                throw new AssertionError(file + " uses Quarkus reactive routes; deploy-checks (ServedPaths) reads JAX-RS paths only");
            }
            for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                served.addAll(resource(type, file));
            }
        }
        Path resources = moduleDir.resolve("src/main/resources/META-INF/resources");
        for (Path file : files(resources, "")) {
            served.add(new Served("/" + resources.relativize(file).toString().replace('\\', '/'), "static file"));
        }
        for (String key : OIDC_PATHS) {
            String value = properties.get(key);
            if (value != null && value.startsWith("/")) {
                served.add(new Served(value, key));
            }
        }
        return served;
    }

    private static List<Served> resource(ClassOrInterfaceDeclaration type, Path file) {
        String classPath = path(type);
        List<MethodDeclaration> endpoints = type.getMethods().stream()
                .filter(m -> path(m) != null || m.getAnnotations().stream().anyMatch(a -> HTTP_METHODS.contains(a.getNameAsString())))
                .toList();
        if (classPath == null && endpoints.isEmpty()) {
            return List.of();
        }
        String name = type.getNameAsString();
        if (type.isInterface()) {
            if (type.isAnnotationPresent("RegisterRestClient")) {
                return List.of();
            }
            throw new AssertionError(file + ": interface " + name + " has JAX-RS paths but is no @RegisterRestClient; "
                    + "deploy-checks (ServedPaths) cannot tell whether it is served");
        }
        if (classPath == null) {
            throw new AssertionError(file + ": " + name + " has resource methods but no class @Path (a sub-resource?); "
                    + "deploy-checks (ServedPaths) reads root resources only");
        }
        List<Served> served = new ArrayList<>();
        for (MethodDeclaration method : endpoints) {
            if (method.getAnnotations().stream().noneMatch(a -> HTTP_METHODS.contains(a.getNameAsString()))) {
                throw new AssertionError(file + ": " + name + "." + method.getNameAsString() + " is a sub-resource locator; "
                        + "deploy-checks (ServedPaths) does not follow them");
            }
            served.add(new Served(join(classPath, path(method)), name + "." + method.getNameAsString()));
        }
        return served;
    }

    private static String join(String classPath, String methodPath) {
        return "/" + Stream.of(classPath, methodPath == null ? "" : methodPath).map(ServedPaths::strip)
                .filter(part -> !part.isEmpty()).collect(Collectors.joining("/"));
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** The value of a {@code @Path} annotation, or null; a value that is not a string literal fails. */
    private static String path(NodeWithAnnotations<?> node) {
        AnnotationExpr annotation = node.getAnnotationByName("Path").orElse(null);
        if (annotation == null) {
            return null;
        }
        if (annotation instanceof SingleMemberAnnotationExpr single && single.getMemberValue() instanceof StringLiteralExpr literal) {
            return literal.asString();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals("value") && pair.getValue() instanceof StringLiteralExpr literal) {
                    return literal.asString();
                }
            }
        }
        throw new AssertionError(annotation + " at " + annotation.getRange().map(Object::toString).orElse("?")
                + " is not a string literal; deploy-checks (ServedPaths) cannot read it");
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
