import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { runSubmission, submitErrorView, type SubmitState } from "./submission";

dayjs.extend(customParseFormat);

function harness() {
  const states: SubmitState[] = [];
  const setFields = vi.fn();
  const key = { current: "key-1" };
  return {
    states,
    setFields,
    key,
    hooks: { update: (state: SubmitState) => states.push(state), form: { setFields }, key },
  };
}

const refusal = (fields: Record<string, string>, message = "请检查 (check the fields)") =>
  new ApiError(400, "validation_failed", message, fields, {});

describe("runSubmission", () => {
  it("is saving while the request runs, returns the result, and takes a new key for the next submission", async () => {
    const { states, setFields, key, hooks } = harness();
    let statesWhileSending: SubmitState[] = [];
    const send = vi.fn(async (values: { name: string }, idempotencyKey: string) => {
      statesWhileSending = [...states];
      return { id: `${values.name}-${idempotencyKey}` };
    });
    const result = await runSubmission({ name: "张三" }, send, hooks);
    expect(result).toEqual({ id: "张三-key-1" });
    expect(statesWhileSending).toEqual([{ saving: true, error: null }]);
    expect(states).toEqual([
      { saving: true, error: null },
      { saving: false, error: null },
    ]);
    expect(setFields).not.toHaveBeenCalled();
    expect(key.current).not.toBe("key-1");
  });

  it("puts the server's field errors under the fields (nested names split, list indexes as numbers) and keeps the error", async () => {
    const { states, setFields, key, hooks } = harness();
    const error = refusal({
      idNumber: "身份证号码校验位错误 (bad check digit)",
      "roles.0.townCode": "镇区不存在 (unknown town)",
    });
    const result = await runSubmission({}, async () => Promise.reject(error), hooks);
    expect(result).toBeUndefined();
    expect(setFields).toHaveBeenCalledWith([
      { name: ["idNumber"], errors: ["身份证号码校验位错误 (bad check digit)"] },
      { name: ["roles", 0, "townCode"], errors: ["镇区不存在 (unknown town)"] },
    ]);
    expect(states.at(-1)).toEqual({ saving: false, error });
    // The server keeps a refused attempt under its key: the corrected submission must not reuse it.
    expect(key.current).not.toBe("key-1");
  });

  it("keeps an error without fields for the alert and touches no field", async () => {
    const { states, setFields, hooks } = harness();
    const error = new Error("boom");
    await runSubmission({}, async () => Promise.reject(error), hooks);
    expect(setFields).not.toHaveBeenCalled();
    expect(states.at(-1)).toEqual({ saving: false, error });
  });

  it("clears the previous error when a new attempt starts", async () => {
    const { states, hooks } = harness();
    await runSubmission({}, async () => Promise.reject(refusal({})), hooks);
    await runSubmission({}, async () => "ok", hooks);
    expect(states.map((state) => [state.saving, state.error === null])).toEqual([
      [true, true],
      [false, false],
      [true, true],
      [false, true],
    ]);
  });

  it("works without a form (an upload or an action) and tells onFailure the error after keeping it", async () => {
    const states: SubmitState[] = [];
    const failures: [unknown, SubmitState | undefined][] = [];
    const error = refusal({ csv: "第 3 行缺少镇区 (row 3: town missing)" });
    await runSubmission(null, async () => Promise.reject(error), {
      update: (state) => states.push(state),
      form: null,
      key: { current: "k" },
      onFailure: (caught) => failures.push([caught, states.at(-1)]),
    });
    expect(states.at(-1)).toEqual({ saving: false, error });
    expect(failures).toEqual([[error, { saving: false, error }]]);
  });
});

describe("submitErrorView", () => {
  it("offers a reload for a version conflict only when the form can reload", () => {
    const conflict = new ApiError(409, "version_conflict", "已被他人修改 (changed by someone else)", {}, {});
    expect(submitErrorView(conflict, true)).toEqual({ kind: "conflict" });
    expect(submitErrorView(conflict, false)).toEqual({ kind: "message" });
  });

  it("says 'check the fields' with the general message unless a field repeats it", () => {
    // Without a form nothing is marked red: the field's message is listed for the alert.
    expect(
      submitErrorView(refusal({ phone: "手机号码格式不对 (bad phone)" }, "请求有误 (bad request)"), false),
    ).toEqual({
      kind: "fields",
      marked: 0,
      others: ["手机号码格式不对 (bad phone)"],
      message: "请求有误 (bad request)",
    });
    expect(
      submitErrorView(refusal({ phone: "手机号码格式不对 (bad phone)" }, "手机号码格式不对 (bad phone)"), false),
    ).toEqual({ kind: "fields", marked: 0, others: ["手机号码格式不对 (bad phone)"], message: undefined });
  });

  it("lists in the alert what no field of the form shows, and marks the rest", async () => {
    const setFields = vi.fn();
    const form = { setFields, getFieldsError: () => [{ name: ["bankAccount"], errors: [], warnings: [] }] };
    const error = refusal(
      { bankAccount: "银行账号应为12至30位数字", "members.0.monthlyIncomeYuan": "第1位成员的月收入（元）不能为负数" },
      "有2处需要修改：…",
    );
    await runSubmission({}, async () => Promise.reject(error), {
      update: () => undefined,
      form,
      key: { current: "k" },
    });
    expect(setFields).toHaveBeenCalledWith([{ name: ["bankAccount"], errors: ["银行账号应为12至30位数字"] }]);
    expect(submitErrorView(error, false)).toEqual({
      kind: "fields",
      marked: 1,
      others: ["第1位成员的月收入（元）不能为负数"],
      message: "有2处需要修改：…",
    });
  });

  it("refuses a typed date that is not one before sending, under its field", async () => {
    const setFields = vi.fn();
    const send = vi.fn(async () => "sent");
    const form = { setFields, getFieldsError: () => [{ name: ["on"], errors: [], warnings: [] }] };
    const states: SubmitState[] = [];
    const result = await runSubmission({ on: dayjs("2026-13-45", "YYYY-MM-DD", true), by: "张三" }, send, {
      update: (state) => states.push(state),
      form,
      key: { current: "k" },
      invalidDateMessage: "日期无效",
    });
    expect(result).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
    expect(setFields).toHaveBeenCalledWith([{ name: ["on"], errors: ["日期无效"] }]);
    expect(states.at(-1)?.saving).toBe(false);
    expect(submitErrorView(states.at(-1)?.error, false)).toMatchObject({ kind: "fields", marked: 1, others: [] });
  });

  it("shows nothing without an error and one line for any other error", () => {
    expect(submitErrorView(null, true)).toEqual({ kind: "none" });
    expect(submitErrorView(new ApiError(0, "network_error", "", {}, {}), true)).toEqual({ kind: "message" });
    expect(submitErrorView(new Error("boom"), false)).toEqual({ kind: "message" });
  });
});
