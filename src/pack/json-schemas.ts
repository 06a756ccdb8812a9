/** The JSON Schemas committed under schemas/, generated from the zod schemas so they never drift. */
import { checkJsonSchema } from "../checks/vocabulary.js";
import { packJsonSchemas } from "./schema.js";

export function jsonSchemaFiles(): Record<string, string> {
  const schemas = { ...packJsonSchemas(), "checks.schema.json": checkJsonSchema() };
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, `${JSON.stringify(schema, null, 2)}\n`]),
  );
}
