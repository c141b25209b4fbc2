// Programme admins: the organiser accounts of a volunteer organisation. Find the organisation, see its organisers,
// assign an account holding the organiser role (searched by username or name), or end an organisership.
import { useState } from "react";
import { App, Button, Card, Empty, Form, Select, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiDelete, apiPost } from "../../api/client";
import { townName, useTowns } from "../../api/reference";
import type { ApiResponse, ItemOf } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { accountOptions } from "./organisers";

type Organisations = ApiResponse<"/organisations">;
type Organisation = ItemOf<Organisations>;
type Organisers = ApiResponse<"/participation/organisations/{id}/organisers">;
type Organiser = ItemOf<Organisers>;
type Accounts = ApiResponse<"/participation/organiser-accounts">;

/** The organisers screen: pick an organisation, then manage its organiser accounts. */
export function OrganisersPage() {
  const { t } = useTranslation();
  const towns = useTowns();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<Organisation | null>(null);
  // The organisation search needs two characters; the chosen one stays in the list while another is searched.
  const query = search.trim();
  const organisations = useApiQuery<Organisations>(query.length >= 2 ? "/organisations" : null, {
    q: query,
    pageSize: 50,
  });
  const found = organisations.data?.items ?? [];
  const listed = chosen && !found.some((item) => item.id === chosen.id) ? [chosen, ...found] : found;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("participation.organisersTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("participation.organisersHint")}</Typography.Paragraph>
      <Select
        style={{ width: 480, maxWidth: "100%" }}
        placeholder={t("participation.chooseOrganisation")}
        loading={query.length >= 2 && organisations.loading}
        value={chosen?.id}
        notFoundContent={query.length >= 2 ? t("participation.noOrganisation") : t("participation.typeTwoCharacters")}
        showSearch={{ filterOption: false, onSearch: setSearch }}
        onChange={(id: string) => setChosen(listed.find((item) => item.id === id) ?? null)}
        options={listed.map((item) => ({
          value: item.id,
          label: `${item.name}（${townName(towns.items, item.townCode)}）`,
        }))}
        data-testid="organisation-select"
      />
      {organisations.error ? <ErrorResult error={organisations.error} onRetry={organisations.reload} /> : null}
      {chosen ? <OrganisationOrganisers key={chosen.id} organisation={chosen} /> : null}
    </Space>
  );
}

function OrganisationOrganisers({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const path = `/participation/organisations/${organisation.id}/organisers`;
  const { data, error, loading, reload } = useApiQuery<Organisers>(path);
  const removal = useSubmit(null, async (organiser: Organiser) => {
    await apiDelete(`${path}/${organiser.accountId}`);
    message.success(t("participation.organiserRemoved", { username: organiser.username }));
    reload();
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const organisers = data?.items ?? [];
  return (
    <Card size="small" title={t("participation.organisersOf", { name: organisation.name })}>
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <SubmitErrorAlert {...removal.alert} />
        <Table<Organiser>
          size="small"
          rowKey="accountId"
          loading={loading}
          pagination={false}
          dataSource={organisers}
          locale={{ emptyText: <Empty description={t("participation.noOrganisers")} /> }}
          data-testid="organisers"
          columns={[
            { title: t("participation.username"), dataIndex: "username" },
            { title: t("participation.displayName"), dataIndex: "displayName" },
            { title: t("participation.organiserSince"), dataIndex: "since" },
            {
              title: t("participation.accountState"),
              render: (_: unknown, item) =>
                item.disabled ? <Tag color="red">{t("participation.accountDisabled")}</Tag> : null,
            },
            {
              title: t("action.actions"),
              key: "actions",
              render: (_: unknown, item) => (
                <ConfirmButton
                  size="small"
                  danger
                  loading={removal.saving}
                  testId={`remove-organiser-${item.username}`}
                  consequence={t("participation.removeOrganiserConsequence", {
                    username: item.username,
                    name: organisation.name,
                  })}
                  onConfirm={() => removal.submit(item)}
                >
                  {t("participation.removeOrganiser")}
                </ConfirmButton>
              ),
            },
          ]}
        />
        <AssignForm path={path} assigned={organisers.map((item) => item.accountId)} onDone={reload} />
      </Space>
    </Card>
  );
}

function AssignForm({ path, assigned, onDone }: { path: string; assigned: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string }>();
  const [search, setSearch] = useState("");
  const accounts = useApiQuery<Accounts>("/participation/organiser-accounts", { q: search });
  const { submit, alert, saving } = useSubmit(form, async (values: { username: string }, key: string) => {
    await apiPost(path, values, key);
    message.success(t("participation.organiserAssigned", { username: values.username }));
    form.resetFields();
    onDone();
  });
  const options = accountOptions(accounts.data?.items ?? [], assigned).map((option) => ({
    ...option,
    label: option.reason ? `${option.label} — ${t(`participation.accountOption.${option.reason}`)}` : option.label,
  }));
  return (
    <div>
      <Typography.Text strong>{t("participation.assignOrganiser")}</Typography.Text>
      <Typography.Paragraph type="secondary">{t("participation.assignOrganiserHint")}</Typography.Paragraph>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="inline" onFinish={(values) => void submit(values)}>
        <Form.Item name="username" label={t("participation.account")} rules={[{ required: true }]}>
          <Select
            style={{ width: 360 }}
            placeholder={t("participation.searchAccount")}
            loading={accounts.loading}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={options}
            notFoundContent={accounts.loading ? null : t("participation.noOrganiserAccounts")}
            data-testid="organiser-account-select"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="assign-organiser">
          {t("participation.assignOrganiser")}
        </Button>
      </Form>
    </div>
  );
}
