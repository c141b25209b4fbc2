import { Form, Input, Select, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { HouseholdMember } from "../../api/types";
import { relationshipLabel } from "./timeline.labels";

/** The classified-assistance categories a member may have (one supplement per member, however many). */
export const categoryCodes = [
  "double_elderly",
  "serious_illness",
  "minor",
  "student",
  "single_parent_family",
  "severe_disability",
];

/**
 * The household's members with a monthly income and categories field each (form names
 * `members[i].monthlyIncomeYuan` and `members[i].categories`), for the counter and the online application.
 */
export function MemberIncomeTable({
  members,
  testIdPrefix,
  tableTestId,
}: {
  members: HouseholdMember[];
  testIdPrefix: string;
  tableTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="personId"
      pagination={false}
      scroll={{ x: true }}
      dataSource={members.map((member, index) => ({ ...member, index }))}
      data-testid={tableTestId}
      columns={[
        { title: t("assistance.name"), dataIndex: "name" },
        {
          title: t("assistance.relationship"),
          dataIndex: "relationship",
          render: (value: string) => relationshipLabel(value, t),
        },
        {
          title: t("assistance.income"),
          key: "income",
          render: (_: unknown, row: { index: number; name: string }) => (
            <Form.Item
              name={["members", row.index, "monthlyIncomeYuan"]}
              rules={[{ required: true }]}
              style={{ margin: 0 }}
            >
              <Input
                style={{ width: 120 }}
                aria-label={`${row.name} ${t("assistance.income")}`}
                data-testid={`${testIdPrefix}-income-${row.index}`}
              />
            </Form.Item>
          ),
        },
        {
          title: t("assistance.categories"),
          key: "categories",
          render: (_: unknown, row: { index: number; name: string }) => (
            <Form.Item name={["members", row.index, "categories"]} style={{ margin: 0 }}>
              <Select
                aria-label={`${row.name} ${t("assistance.categories")}`}
                mode="multiple"
                style={{ minWidth: 200 }}
                data-testid={`${testIdPrefix}-categories-${row.index}`}
                options={categoryCodes.map((code) => ({ value: code, label: t(`assistance.category.${code}`) }))}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
