import { useState } from "react";
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { ApiError, apiRequest } from "../../api/client";
import { useTowns } from "../../api/reference";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useTownLabel } from "../../components/useTownLabel";
import { fieldsOfSchool, schoolInput, type School, type SchoolInput } from "./schools.fields";
import { registerSchoolStrings } from "./schools.i18n";

registerSchoolStrings();

const grades = ["primary_1", "junior_1"] as const;

/**
 * The schools of a cycle per 镇区 and grade with their seats and coordinates; the programme admin adds a school,
 * changes its seats or removes it. The API sets a cycle's schools as a whole list (PUT), so each change sends
 * the list as loaded with that one change, and the API's messages for that school go under its fields.
 */
export function SchoolsEditor({ cycleId, admin }: { cycleId: string; admin: boolean }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const towns = useTowns().items;
  const path = `/points/cycles/${cycleId}/quotas`;
  const { data, error, loading, reload } = useApiQuery<{ schools: School[] }>(path);
  const [town, setTown] = useState<string | undefined>();
  const [grade, setGrade] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [seatEdits, setSeatEdits] = useState<Record<string, number | null>>({});
  const [seatErrors, setSeatErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<SchoolInput>();
  const schools = data?.schools ?? [];

  /** Sends the whole list; on refusal returns the error (the caller places the field messages). */
  const save = async (next: SchoolInput[]): Promise<unknown> => {
    setBusy(true);
    setSaveError(null);
    try {
      await apiRequest("PUT", `/points/cycles/${cycleId}/schools`, { body: { schools: next } });
      reload();
      return null;
    } catch (caught) {
      return caught;
    } finally {
      setBusy(false);
    }
  };

  const add = async (values: SchoolInput) => {
    const index = schools.length;
    const failure = await save([
      ...schools.map(schoolInput),
      { ...values, name: values.name.trim(), synthetic: values.synthetic ?? false },
    ]);
    if (!failure) {
      form.resetFields();
      setAdding(false);
      return;
    }
    if (failure instanceof ApiError) {
      const mine = fieldsOfSchool(failure.fields, index);
      if (failure.code === "duplicate_school" && failure.fields.schools) mine.name = failure.fields.schools;
      form.setFields(
        Object.entries(mine).map(([name, message]) => ({ name: name as keyof SchoolInput, errors: [message] })),
      );
      if (Object.keys(mine).length > 0) return;
    }
    setSaveError(failure);
  };

  const saveSeats = async (school: School) => {
    const seats = seatEdits[school.id];
    if (seats === undefined || seats === null) return;
    const index = schools.findIndex((candidate) => candidate.id === school.id);
    const failure = await save(
      schools.map((candidate) =>
        candidate.id === school.id ? { ...schoolInput(candidate), seats } : schoolInput(candidate),
      ),
    );
    if (!failure) {
      setSeatEdits((edits) => Object.fromEntries(Object.entries(edits).filter(([id]) => id !== school.id)));
      setSeatErrors({});
      return;
    }
    const message = failure instanceof ApiError ? fieldsOfSchool(failure.fields, index).seats : undefined;
    if (message) setSeatErrors({ [school.id]: message });
    else setSaveError(failure);
  };

  const remove = async (school: School) => {
    const failure = await save(schools.filter((candidate) => candidate.id !== school.id).map(schoolInput));
    if (failure) setSaveError(failure);
  };

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const shown = schools.filter((school) => (!town || school.townCode === town) && (!grade || school.grade === grade));
  const seatsTotal = shown.reduce((sum, school) => sum + school.seats, 0);

  return (
    <Card
      size="small"
      title={t("points.schoolsEditor.title")}
      extra={
        admin ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(!adding)} data-testid="school-add">
            {t("points.schoolsEditor.add")}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size="small" style={{ width: "100%" }}>
        {adding && admin ? (
          <Form
            form={form}
            layout="inline"
            size="small"
            onFinish={add}
            initialValues={{ grade: "primary_1", seats: 45, x: 0, y: 0, synthetic: false, townCode: town }}
            data-testid="school-form"
          >
            <Form.Item name="townCode" label={t("points.town")} rules={[{ required: true }]}>
              <Select
                style={{ width: 130 }}
                showSearch
                optionFilterProp="label"
                options={towns.map((item) => ({ value: item.code, label: townLabel(item.code) }))}
                data-testid="school-town"
              />
            </Form.Item>
            <Form.Item name="grade" label={t("points.grade")} rules={[{ required: true }]}>
              <Select
                style={{ width: 130 }}
                options={grades.map((value) => ({ value, label: t(`points.${value}`) }))}
                data-testid="school-grade"
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t("points.schoolsEditor.name")}
              rules={[{ required: true, whitespace: true, max: 80 }]}
            >
              <Input style={{ width: 200 }} data-testid="school-name" />
            </Form.Item>
            <Form.Item name="seats" label={t("points.schoolsEditor.seats")} rules={[{ required: true }]}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: 90 }} data-testid="school-new-seats" />
            </Form.Item>
            <Form.Item name="x" label={t("points.schoolsEditor.x")} rules={[{ required: true }]}>
              <InputNumber style={{ width: 100 }} data-testid="school-x" />
            </Form.Item>
            <Form.Item name="y" label={t("points.schoolsEditor.y")} rules={[{ required: true }]}>
              <InputNumber style={{ width: 100 }} data-testid="school-y" />
            </Form.Item>
            <Form.Item name="synthetic" valuePropName="checked">
              <Checkbox data-testid="school-synthetic">{t("points.schoolsEditor.synthetic")}</Checkbox>
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="school-submit">
                {t("points.schoolsEditor.submit")}
              </Button>
              <Button onClick={() => setAdding(false)}>{t("points.schoolsEditor.cancel")}</Button>
            </Space>
          </Form>
        ) : null}
        {saveError ? <SubmitErrorAlert error={saveError} /> : null}
        <Space wrap>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t("points.schoolsEditor.allTowns")}
            aria-label={t("points.schoolsEditor.allTowns")}
            value={town}
            onChange={setTown}
            showSearch
            optionFilterProp="label"
            options={towns.map((item) => ({ value: item.code, label: townLabel(item.code) }))}
            data-testid="schools-town-filter"
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t("points.schoolsEditor.allGrades")}
            aria-label={t("points.schoolsEditor.allGrades")}
            value={grade}
            onChange={setGrade}
            options={grades.map((value) => ({ value, label: t(`points.${value}`) }))}
            data-testid="schools-grade-filter"
          />
          <Typography.Text type="secondary">
            {shown.length} {t("points.schoolsEditor.count")} · {t("points.schoolsEditor.seatsTotal")} {seatsTotal}
          </Typography.Text>
          {!admin ? <Typography.Text type="secondary">{t("points.schoolsEditor.readOnly")}</Typography.Text> : null}
        </Space>
        {schools.some((school) => school.synthetic) ? (
          <Typography.Text type="warning">{t("points.schoolsEditor.syntheticNote")}</Typography.Text>
        ) : null}
        <Table
          size="small"
          rowKey="id"
          loading={loading && !data}
          dataSource={shown}
          pagination={{ pageSize: 24, showSizeChanger: false }}
          data-testid="schools-table"
          columns={[
            { title: t("points.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
            { title: t("points.grade"), dataIndex: "grade", render: (value: string) => t(`points.${value}`) },
            { title: t("points.schoolsEditor.name"), dataIndex: "name" },
            {
              title: t("points.schoolsEditor.seats"),
              dataIndex: "seats",
              align: "right",
              render: (seats: number, school: School) =>
                admin ? (
                  <Space orientation="vertical" size={0}>
                    <Space size={4}>
                      <InputNumber
                        size="small"
                        min={0}
                        max={100000}
                        precision={0}
                        style={{ width: 90 }}
                        aria-label={`${school.name} ${t("points.schoolsEditor.seats")}`}
                        value={seatEdits[school.id] ?? seats}
                        status={seatErrors[school.id] ? "error" : undefined}
                        onChange={(value) => setSeatEdits((edits) => ({ ...edits, [school.id]: value }))}
                        onPressEnter={() => void saveSeats(school)}
                        data-testid="school-seats"
                      />
                      {seatEdits[school.id] !== undefined && seatEdits[school.id] !== seats ? (
                        <Button
                          size="small"
                          type="link"
                          loading={busy}
                          onClick={() => void saveSeats(school)}
                          data-testid="school-seats-save"
                        >
                          {t("points.schoolsEditor.save")}
                        </Button>
                      ) : null}
                    </Space>
                    {seatErrors[school.id] ? (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {seatErrors[school.id]}
                      </Typography.Text>
                    ) : null}
                  </Space>
                ) : (
                  seats
                ),
            },
            { title: t("points.schoolsEditor.x"), dataIndex: "x", align: "right" },
            { title: t("points.schoolsEditor.y"), dataIndex: "y", align: "right" },
            {
              title: t("points.synthetic"),
              dataIndex: "synthetic",
              render: (synthetic: boolean) => (synthetic ? <Tag color="orange">{t("points.synthetic")}</Tag> : ""),
            },
            ...(admin
              ? [
                  {
                    title: "",
                    key: "actions",
                    render: (_: unknown, school: School) => (
                      <Popconfirm title={t("points.schoolsEditor.removeConfirm")} onConfirm={() => remove(school)}>
                        <Button size="small" type="link" danger data-testid="school-remove">
                          {t("points.schoolsEditor.remove")}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
    </Card>
  );
}
