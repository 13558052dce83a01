package dev.tora.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tora.api.ToraApi;
import dev.tora.api.http.CurrentCaller;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes exactly the JAX-RS routes of the API (found by reflection over
 * the compiled classes of {@code dev.tora.api}), and every operation in it is complete.
 */
class OpenApiDocumentTest {

    private static final Set<String> OPERATION_KEYS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    private static final String TEXT = readDocument();
    private static final JsonObject DOCUMENT = parse(TEXT);
    private static final Map<String, Route> ROUTES = scanRoutes();

    /** One resource method: its HTTP method, full path and class. */
    private record Route(String method, String path, Class<?> resource) {
        String key() {
            return method + " " + path;
        }
    }

    /** One operation of the document. */
    private record Operation(String method, String path, JsonObject pathItem, JsonObject body) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @Test
    void everyRouteIsDocumented() {
        Set<String> documented = operations().stream().map(Operation::key).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(ROUTES.keySet());
        missing.removeAll(documented);
        assertTrue(missing.isEmpty(), "routes missing from META-INF/openapi.json: " + missing);
    }

    @Test
    void everyDocumentedOperationIsARoute() {
        Set<String> unknown = operations().stream().map(Operation::key).filter(k -> !ROUTES.containsKey(k))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(unknown.isEmpty(), "documented operations without a resource method: " + unknown
                + "; the routes are " + ROUTES.keySet());
    }

    @Test
    void everyOperationHasASummary() {
        List<String> without = operations().stream()
                .filter(o -> o.body().getString("summary", "").isBlank()).map(Operation::key).toList();
        assertTrue(without.isEmpty(), "operations without a summary: " + without);
    }

    @Test
    void everyOperationHasASuccessResponse() {
        List<String> without = operations().stream()
                .filter(o -> responses(o).keySet().stream().noneMatch(code -> code.startsWith("2")))
                .map(Operation::key).toList();
        assertTrue(without.isEmpty(), "operations without a 2xx response: " + without);
    }

    @Test
    void everyOperationHasErrorResponsesOfTheErrorShape() {
        List<String> problems = new ArrayList<>();
        for (Operation o : operations()) {
            int errors = 0;
            for (Map.Entry<String, JsonValue> r : responses(o).entrySet()) {
                String code = r.getKey();
                if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
                    errors++;
                    if (!ERROR_SCHEMA.equals(jsonSchemaRef(deref(r.getValue()).asJsonObject()))) {
                        problems.add(o.key() + " " + code + " does not use " + ERROR_SCHEMA);
                    }
                }
            }
            if (errors == 0) {
                problems.add(o.key() + " has no error response");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectBrokenReferences(DOCUMENT, "#", broken);
        assertTrue(broken.isEmpty(), "references that do not resolve: " + broken);
    }

    @Test
    void everyPathParameterIsDeclared() {
        List<String> problems = new ArrayList<>();
        for (Operation o : operations()) {
            Set<String> templated = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(o.path());
            while (m.find()) {
                templated.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            Stream.concat(parameters(o.pathItem()), parameters(o.body())).forEach(p -> {
                if (p.getString("in", "").equals("path")) {
                    declared.add(p.getString("name"));
                    if (!p.getBoolean("required", false)) {
                        problems.add(o.key() + ": path parameter " + p.getString("name") + " must be required");
                    }
                }
            });
            if (!templated.equals(declared)) {
                problems.add(o.key() + ": path has " + templated + " but declares " + declared);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void routesThatNeverAskForTheCallerNeedNoKey() {
        List<String> problems = new ArrayList<>();
        for (Operation o : operations()) {
            Route route = ROUTES.get(o.key());
            if (route == null) {
                continue;
            }
            boolean asksForCaller = Arrays.stream(route.resource().getDeclaredFields())
                    .anyMatch(f -> f.getType() == CurrentCaller.class);
            JsonValue security = o.body().get("security");
            boolean documentedKeyless = security != null && security.asJsonArray().isEmpty();
            if (asksForCaller == documentedKeyless) {
                problems.add(o.key() + (asksForCaller ? " authenticates the caller but is documented without a key"
                        : " never authenticates but is not documented with \"security\": []"));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void declaresTheServerAndTheApiKeyHeader() {
        assertTrue(DOCUMENT.getString("openapi").startsWith("3.0."), "an OpenAPI 3.0 document");
        assertEquals("/api", DOCUMENT.getJsonArray("servers").getJsonObject(0).getString("url"));
        JsonObject schemes = DOCUMENT.getJsonObject("components").getJsonObject("securitySchemes");
        assertTrue(schemes.values().stream().map(JsonValue::asJsonObject).anyMatch(s ->
                s.getString("type").equals("apiKey") && s.getString("in").equals("header")
                        && s.getString("name").equals(CurrentCaller.API_KEY_HEADER)), "an x-api-key header scheme");
    }

    @Test
    void servesTheDocumentAsWritten() {
        assertEquals(TEXT, new OpenApiResource().document());
    }

    // ---------------------------------------------------------------- the document

    private static String readDocument() {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiResource.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OpenApiResource.RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        DOCUMENT.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((key, value) -> {
            if (OPERATION_KEYS.contains(key)) {
                out.add(new Operation(key, path, item.asJsonObject(), value.asJsonObject()));
            }
        }));
        return out;
    }

    private static JsonObject responses(Operation o) {
        return o.body().containsKey("responses") ? o.body().getJsonObject("responses") : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static Stream<JsonObject> parameters(JsonObject owner) {
        JsonArray list = owner.containsKey("parameters") ? owner.getJsonArray("parameters") : JsonValue.EMPTY_JSON_ARRAY;
        return list.stream().map(p -> deref(p).asJsonObject());
    }

    /** The value itself, or the one its {@code $ref} points at. */
    private static JsonValue deref(JsonValue value) {
        if (value instanceof JsonObject o && o.get("$ref") instanceof JsonString ref) {
            return Json.createPointer(ref.getString().substring(1)).getValue(DOCUMENT);
        }
        return value;
    }

    private static String jsonSchemaRef(JsonObject response) {
        JsonObject content = response.getJsonObject("content");
        if (content == null || !content.containsKey("application/json")) {
            return null;
        }
        JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
        return schema == null ? null : schema.getString("$ref", null);
    }

    private static void collectBrokenReferences(JsonValue value, String at, List<String> broken) {
        if (value instanceof JsonObject o) {
            if (o.get("$ref") instanceof JsonString ref) {
                String target = ref.getString();
                if (!target.startsWith("#/") || !Json.createPointer(target.substring(1)).containsValue(DOCUMENT)) {
                    broken.add(at + " -> " + target);
                }
            }
            o.forEach((k, v) -> collectBrokenReferences(v, at + "/" + k, broken));
        } else if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                collectBrokenReferences(a.get(i), at + "/" + i, broken);
            }
        }
    }

    // ---------------------------------------------------------------- the code

    /** Every resource method of the compiled main classes, by "METHOD /path". */
    private static Map<String, Route> scanRoutes() {
        Path classes = mainClassesDirectory();
        String applicationPath = ToraApi.class.getAnnotation(ApplicationPath.class).value();
        Map<String, Route> routes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/tora/api"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Class<?> type = load(classes, file);
                jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (classPath == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    addRoute(routes, type, m, applicationPath, classPath.value());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + classes, e);
        }
        assertFalse(routes.isEmpty(), "no resource methods found under " + classes);
        return routes;
    }

    private static void addRoute(Map<String, Route> routes, Class<?> type, Method m, String appPath, String classPath) {
        if (m.isSynthetic() || m.isBridge()) {
            return;
        }
        List<String> httpMethods = Arrays.stream(m.getAnnotations()).map(Annotation::annotationType)
                .map(a -> a.getAnnotation(HttpMethod.class)).filter(h -> h != null).map(HttpMethod::value).toList();
        jakarta.ws.rs.Path methodPath = m.getAnnotation(jakarta.ws.rs.Path.class);
        if (httpMethods.isEmpty()) {
            if (methodPath != null) {
                fail(type.getName() + "." + m.getName() + " is a sub-resource locator; teach this test to follow it");
            }
            return;
        }
        String path = fullPath(appPath, classPath, methodPath == null ? "" : methodPath.value());
        for (String httpMethod : httpMethods) {
            Route route = new Route(httpMethod, path, type);
            routes.put(route.key(), route);
        }
    }

    private static Path mainClassesDirectory() {
        try {
            Path dir = Path.of(ToraApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(Files.isDirectory(dir), "the main classes should be a directory, not " + dir);
            return dir;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(Path classes, Path file) {
        String relative = classes.relativize(file).toString();
        String name = relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem()
                .getSeparator(), ".");
        try {
            return Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path as OpenAPI writes it: segments joined with one slash, {@code {name: regex}} as {@code {name}}. */
    private static String fullPath(String... parts) {
        return Arrays.stream(parts).map(OpenApiDocumentTest::withoutRegex)
                .flatMap(p -> Arrays.stream(p.split("/"))).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("/", "/", ""));
    }

    private static String withoutRegex(String path) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < path.length(); end++) {
                if (path.charAt(end) == '{') {
                    depth++;
                } else if (path.charAt(end) == '}' && --depth == 0) {
                    break;
                }
            }
            String inside = path.substring(i + 1, Math.min(end, path.length()));
            int colon = inside.indexOf(':');
            out.append('{').append((colon < 0 ? inside : inside.substring(0, colon)).trim()).append('}');
            i = end + 1;
        }
        return out.toString();
    }
}
