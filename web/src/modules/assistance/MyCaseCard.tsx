import { useState } from "react";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { useTownLabel } from "../../components/useTownLabel";
import { AmountExplanation } from "./AmountExplanation";
import { CaseStepModal } from "./CaseStepModal";
import type { CaseDetail } from "./case.types";
import { isoDate } from "./dates";
import { DueDate, ProvisionalTag } from "../../components/DueDate";
import { serverToday } from "../../api/today";

const changeKinds = ["employment", "birth", "death", "income", "other"];

/** One case of the resident's household: state, deadlines, decision with the amounts explained, timeline, appeal and change report. */
export function MyCaseCard({ record, onChanged }: { record: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const [open, setOpen] = useState<"appeal" | "change" | null>(null);
  const deadlines = record.deadlines;
  const today = serverToday().format("YYYY-MM-DD");
  const mayAppeal =
    record.state === "refused" && deadlines.appealDueOn !== null && today <= (deadlines.appealDueOn ?? "");
  return (
    <Card
      size="small"
      data-testid={`assistance-mine-case-${record.number}`}
      title={
        <span>
          {t("assistance.mine.case")} {record.number}{" "}
          <Tag
            color={record.state === "active" ? "green" : record.state === "refused" ? "red" : "blue"}
            data-testid="assistance-mine-state"
          >
            {t(`assistance.state.${record.state}`)}
          </Tag>
        </span>
      }
      extra={
        <Space>
          {record.state === "refused" ? (
            <Button
              size="small"
              disabled={!mayAppeal}
              onClick={() => setOpen("appeal")}
              data-testid="assistance-mine-appeal"
            >
              {mayAppeal ? t("assistance.mine.appeal") : t("assistance.mine.appealClosed")}
            </Button>
          ) : null}
          {record.state === "active" ? (
            <Button size="small" onClick={() => setOpen("change")} data-testid="assistance-mine-change">
              {t("assistance.mine.reportChange")}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} data-testid="assistance-mine-deadlines">
          <Descriptions.Item label={t("assistance.town")}>{townLabel(record.townCode)}</Descriptions.Item>
          <Descriptions.Item label={t("assistance.mine.channel")}>
            {t(`assistance.mine.channel.${record.channel}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t("assistance.submittedOn")}>{deadlines.submittedOn}</Descriptions.Item>
          <Descriptions.Item label={t("assistance.townDue")}>
            <DueDate date={deadlines.townOpinionDueOn} />
          </Descriptions.Item>
          <Descriptions.Item label={t("assistance.publicity")}>
            {deadlines.publicityStartOn ? (
              <>
                {`${deadlines.publicityStartOn} – ${deadlines.publicityEndOn}`}
                <ProvisionalTag date={deadlines.publicityEndOn} />
              </>
            ) : (
              "—"
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("assistance.decisionDue")}>
            <DueDate date={deadlines.decisionDueOn} />
          </Descriptions.Item>
          {deadlines.appealDueOn ? (
            <Descriptions.Item label={t("assistance.mine.appealDue")}>{deadlines.appealDueOn}</Descriptions.Item>
          ) : null}
          {deadlines.nextReviewOn ? (
            <Descriptions.Item label={t("assistance.nextReview")}>{deadlines.nextReviewOn}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {record.decision ? (
          <Alert
            type={record.decision === "approved" ? "success" : "error"}
            data-testid="assistance-mine-decision"
            title={t("assistance.mine.decisionTitle", {
              decision: t(`assistance.mine.${record.decision}`),
              date: record.decidedOn ?? "—",
            })}
            description={[
              record.decisionReason
                ? t("assistance.mine.labelValue", {
                    label: t("assistance.mine.decisionReason"),
                    value: record.decisionReason,
                  })
                : null,
              record.startMonth
                ? t("assistance.mine.labelValue", { label: t("assistance.mine.startMonth"), value: record.startMonth })
                : null,
              record.stopMonth
                ? t("assistance.mine.labelValue", { label: t("assistance.mine.stopMonth"), value: record.stopMonth })
                : null,
            ]
              .filter(Boolean)
              .join("　")}
          />
        ) : null}
        <AmountExplanation record={record} />
        <Typography.Text strong>{t("assistance.mine.progress")}</Typography.Text>
        <Timeline
          data-testid="assistance-mine-timeline"
          items={[...record.timeline]
            .sort((a, b) => a.onDate.localeCompare(b.onDate) || a.createdAt.localeCompare(b.createdAt))
            .map((event) => ({
              key: event.id,
              content: (
                <span>
                  <strong>{event.onDate}</strong> {t(`assistance.event.${event.kind}`, { defaultValue: event.kind })}
                  {typeof event.details.reason === "string" ? (
                    <Typography.Text type="secondary"> · {event.details.reason}</Typography.Text>
                  ) : null}
                </span>
              ),
            }))}
        />
      </Space>
      {open === "appeal" ? (
        <CaseStepModal
          title={t("assistance.mine.appeal")}
          okText={t("assistance.submit")}
          step="appeal"
          caseId={record.id}
          filesTown={record.townCode}
          testId="assistance-mine-appeal"
          body={(values, fileIds) => ({ filedOn: isoDate(values.filedOn), reason: values.reason, fileIds })}
          onClose={() => setOpen(null)}
          onDone={onChanged}
        >
          <Form.Item name="filedOn" label={t("assistance.mine.filedOn")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label={t("assistance.mine.appealReason")} rules={[{ required: true, min: 5 }]}>
            <Input.TextArea rows={4} data-testid="field-reason" />
          </Form.Item>
        </CaseStepModal>
      ) : null}
      {open === "change" ? (
        <CaseStepModal
          title={t("assistance.mine.reportChange")}
          okText={t("assistance.submit")}
          step="changes"
          caseId={record.id}
          filesTown={record.townCode}
          testId="assistance-mine-change"
          initialValues={{ kind: "employment" }}
          body={(values, fileIds) => ({
            kind: values.kind,
            happenedOn: isoDate(values.happenedOn),
            description: values.description,
            fileIds,
          })}
          onClose={() => setOpen(null)}
          onDone={onChanged}
        >
          <Form.Item name="kind" label={t("assistance.mine.changeKind")}>
            <Select
              data-testid="field-kind"
              options={changeKinds.map((kind) => ({ value: kind, label: t(`assistance.mine.change.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item name="happenedOn" label={t("assistance.mine.happenedOn")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="description" label={t("assistance.mine.description")} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="field-description" />
          </Form.Item>
        </CaseStepModal>
      ) : null}
    </Card>
  );
}
