import { hash, verify } from "@node-rs/argon2";
import { err, ok, type Result } from "../../core/result";

/** Hashes a password with argon2id (the library default) and a fresh salt. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against a stored argon2 hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Accepts a password of 10–200 characters with at least a letter and a digit. */
export function checkPasswordStrength(password: string, field = "password"): Result<string> {
  if (password.length < 10 || password.length > 200 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return err({
      code: "weak_password",
      message:
        "密码须为10至200个字符，且至少包含一个字母和一个数字 (password must have 10 to 200 characters with at least one letter and one digit)",
      field,
    });
  }
  return ok(password);
}
