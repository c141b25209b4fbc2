import { connectionOptionsFromEnvironment, describeConnection, openDatabase, type DatabaseHandle } from "./connection";
import { migrate } from "./migrate";

/** Opens the database named by the environment (DATABASE_URL, GONGZHI_DATA, ./data) and applies migrations. */
export async function openMigratedDatabase(
  log: (line: string) => void = () => {},
): Promise<DatabaseHandle & { applied: string[] }> {
  const options = connectionOptionsFromEnvironment();
  log(`database: ${describeConnection(options)}`);
  const handle = await openDatabase(options);
  try {
    const applied = await migrate(handle.db);
    if (applied.length > 0) log(`migrations applied: ${applied.join(", ")}`);
    return { ...handle, applied };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
